package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.internal.Lifecycle.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The shared rules of resources inside a cluster: idempotent create by clientRequestToken, DELETING
 * then gone, not found, sorted paged listing, tags registered for their lifetime.
 */
abstract class ChildStore<S extends ChildResource> {
  protected final EksContext context;
  private final Transition deletion;
  private final Map<String, Map<String, S>> byCluster = new TreeMap<>();

  ChildStore(EksContext context, Transition deletion) {
    this.context = context;
    this.deletion = deletion;
  }

  /** The ResourceNotFoundException for a missing resource. */
  abstract AwsServiceException notFound(String clusterName, String name);

  /** The ResourceInUseException for a create that repeats a name with another token. */
  abstract AwsServiceException alreadyExists(S existing);

  /**
   * Returns the existing resource on a repeat with the same token; otherwise creates and registers
   * one.
   */
  final S createOrRepeat(String clusterName, String name, String token, Supplier<S> factory) {
    Optional<S> existing = find(clusterName, name);
    if (existing.isPresent()) {
      if (Names.sameRequest(existing.get().clientRequestToken, token)) {
        return existing.get();
      }
      throw alreadyExists(existing.get());
    }
    S created = factory.get();
    byCluster.computeIfAbsent(clusterName, key -> new TreeMap<>()).put(name, created);
    return created;
  }

  final S require(String clusterName, String name) {
    return find(clusterName, name).orElseThrow(() -> notFound(clusterName, name));
  }

  final Optional<S> find(String clusterName, String name) {
    return Optional.ofNullable(byCluster.getOrDefault(clusterName, Map.of()).get(name));
  }

  final List<S> inCluster(String clusterName) {
    return new ArrayList<>(byCluster.getOrDefault(clusterName, Map.of()).values());
  }

  final Page<String> names(String clusterName, Integer maxResults, String nextToken) {
    List<String> names = inCluster(clusterName).stream().map(child -> child.name).toList();
    return Page.of(names, maxResults, nextToken);
  }

  /** Starts deleting; a repeat while DELETING answers with the same resource. */
  S startDelete(String clusterName, String name) {
    S child = require(clusterName, name);
    Phase phase = child.lifecycle.phase(context.now());
    if (phase == Phase.CREATING) {
      throw Errors.inUse(name + " is currently in CREATING status and cannot be deleted");
    }
    if (phase != Phase.DELETING) {
      context
          .agenda()
          .at(
              child.lifecycle.startDelete(context.now(), context.draw(deletion)),
              () -> forget(child));
    }
    return child;
  }

  /** Forgets a resource whose deletion finished, unless its cluster took it along already. */
  private void forget(S child) {
    Map<String, S> children = byCluster.get(child.clusterName);
    if (children != null && children.get(child.name) == child) {
      children.remove(child.name);
      context.tags().unregister(child.arn);
      if (children.isEmpty()) {
        byCluster.remove(child.clusterName);
      }
    }
  }

  /** Drops every resource of a deleted cluster at once, as EKS does with add-ons. */
  final void dropCluster(String clusterName) {
    inCluster(clusterName).forEach(child -> context.tags().unregister(child.arn));
    byCluster.remove(clusterName);
  }
}
