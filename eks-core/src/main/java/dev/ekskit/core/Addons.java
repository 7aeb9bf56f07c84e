package dev.ekskit.core;

import dev.ekskit.core.internal.ChildDeletions;
import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.addons.AddonCreation;
import dev.ekskit.core.internal.addons.AddonCreation.IfExists;
import dev.ekskit.core.internal.addons.AddonReads;
import dev.ekskit.core.internal.addons.AddonSpecRules;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The EKS add-ons of clusters, any of them: create or adopt, update, delete, read. Get it from
 * {@link EksKit#addons()}. Every method that changes AWS returns an {@link Operation} at once; a
 * bad spec throws {@link InvalidSpecException} before any AWS call, and a version EKS does not
 * offer for the cluster's Kubernetes version, or configuration values the add-on's JSON schema
 * refuses, fail the operation with one before any mutating call.
 *
 * <pre>{@code
 * Addons addons = kit.addons();
 * AddonInfo dns = addons.create(AddonSpec.builder().clusterName("orders").name("coredns").build())
 *     .await(Duration.ofMinutes(10));                     // ACTIVE, or DEGRADED until nodes exist
 * addons.createOrUpdate(spec.toBuilder().version(AddonVersion.latest()).build()).join();
 * addons.delete("orders", "coredns").join();
 * }</pre>
 *
 * <p>A wait ends when the add-on is ACTIVE. An add-on that is DEGRADED only because its pods have
 * nowhere to run yet (no ACTIVE node group, no Fargate profile selecting its namespace, no Auto
 * Mode compute) is not a failure: coredns and the EBS CSI controller are so until the first nodes
 * come, and the operation ends with the add-on DEGRADED. DEGRADED while the cluster has capacity
 * fails after five minutes with EKS's health issues and a hint; CREATE_FAILED and UPDATE_FAILED
 * fail at once.
 */
public final class Addons {
  private final KitServices kit;

  Addons(KitServices kit) {
    this.kit = kit;
  }

  /**
   * Creates the add-on and waits until it settles. If one of that name exists and matches the spec
   * (version, configuration, role, Pod Identity associations), adopts it; if it differs, fails with
   * a {@link ConflictException} listing the differences (configuration values are never shown).
   * Safe to run again after a crash: the second run adopts what the first created.
   */
  public Operation<AddonInfo> create(AddonSpec spec) {
    return create(spec, null);
  }

  /**
   * {@link #create(AddonSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.addons().create(a -> a.clusterName("orders").name("coredns"));
   * }</pre>
   */
  public Operation<AddonInfo> create(Consumer<AddonSpec.Builder> spec) {
    return create(Specs.build("AddonSpec", AddonSpec.builder(), spec, AddonSpec.Builder::build));
  }

  /** {@link #create(AddonSpec)}, also reporting this operation's events to {@code listener}. */
  public Operation<AddonInfo> create(AddonSpec spec, ProgressListener listener) {
    return run(spec, listener, IfExists.COMPARE);
  }

  /** Creates the add-on, or updates an existing one to the spec; then waits until it settles. */
  public Operation<AddonInfo> createOrUpdate(AddonSpec spec) {
    return run(spec, null, IfExists.UPDATE);
  }

  /**
   * {@link #createOrUpdate(AddonSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.addons().createOrUpdate(a -> a.clusterName("orders").name("coredns"));
   * }</pre>
   */
  public Operation<AddonInfo> createOrUpdate(Consumer<AddonSpec.Builder> spec) {
    return createOrUpdate(
        Specs.build("AddonSpec", AddonSpec.builder(), spec, AddonSpec.Builder::build));
  }

  /**
   * Updates an existing add-on to the spec (version, configuration values, service-account role,
   * Pod Identity associations), following the update through {@code DescribeUpdate}, and waits
   * until it settles; does nothing when it already matches. Values absent from the spec mean EKS's
   * defaults: an update clears configuration values and the role the spec does not name.
   */
  public Operation<AddonInfo> update(AddonSpec spec) {
    Violations.requireGiven("AddonSpec", "spec", spec);
    EksClient eks = kit.client(EksClient.class);
    return start(
        spec.clusterName(), spec.name(), null, scope -> AddonCreation.update(scope, eks, spec));
  }

  /**
   * {@link #update(AddonSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.addons().update(a -> a.clusterName("orders").name("coredns").version(AddonVersion.latest()));
   * }</pre>
   */
  public Operation<AddonInfo> update(Consumer<AddonSpec.Builder> spec) {
    return update(Specs.build("AddonSpec", AddonSpec.builder(), spec, AddonSpec.Builder::build));
  }

  /**
   * Deletes the add-on and waits until it is gone, its Kubernetes objects with it. An add-on that
   * does not exist is not an error: the result is false.
   */
  public Operation<Deleted> delete(String cluster, String name) {
    return delete(cluster, name, false);
  }

  /**
   * Deletes the add-on and waits until it is gone; with {@code preserve}, EKS stops managing it but
   * leaves its Kubernetes objects running on the cluster. The result says whether this run deleted
   * it.
   */
  public Operation<Deleted> delete(String cluster, String name, boolean preserve) {
    requireNames(cluster, name);
    EksClient eks = kit.client(EksClient.class);
    return start(
        cluster,
        name,
        null,
        scope ->
            ChildDeletions.addon(eks, cluster, name, preserve)
                .run(scope)
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }

  /** The add-on as EKS describes it now, or empty if the cluster has none of that name. Blocks. */
  public Optional<AddonInfo> describe(String cluster, String name) {
    requireNames(cluster, name);
    return AddonReads.describe(kit.client(EksClient.class), cluster, name);
  }

  /** The names of the cluster's add-ons. Blocks. */
  public List<String> list(String cluster) {
    Violations v = new Violations("cluster name");
    v.eksName("cluster", cluster, 100);
    v.throwIfAny();
    return AddonReads.names(kit.client(EksClient.class), cluster);
  }

  private Operation<AddonInfo> run(AddonSpec spec, ProgressListener listener, IfExists ifExists) {
    Violations.requireGiven("AddonSpec", "spec", spec);
    EksClient eks = kit.client(EksClient.class);
    return start(
        spec.clusterName(),
        spec.name(),
        listener,
        scope -> AddonCreation.run(scope, eks, spec, ifExists));
  }

  private <T> Operation<T> start(
      String cluster,
      String name,
      ProgressListener listener,
      Function<Scope, CompletableFuture<T>> body) {
    return kit.start(ResourceRef.child("addon", cluster, name), listener, body);
  }

  private static void requireNames(String cluster, String name) {
    Violations v = new Violations("add-on name");
    v.eksName("cluster", cluster, 100);
    v.name("name", name, AddonSpecRules.ADDON_NAME, 100, "must be an add-on name such as coredns");
    v.throwIfAny();
  }
}
