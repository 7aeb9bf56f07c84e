package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Deletes a cluster and what hangs off it, in the order EKS requires: Fargate profiles one at a
 * time (EKS allows one in transition per cluster), node groups in parallel together with the {@link
 * CascadePart}s other modules registered (self-managed node groups), add-ons, then the cluster.
 * Everything is found by listing, so a second run after a crash finishes the job.
 */
public final class CascadeDelete {
  private final OperationContext context;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final List<CascadePart> parts;
  private final String cluster;

  private CascadeDelete(
      OperationContext context, EksClient eks, Ec2Client ec2, List<CascadePart> parts) {
    this.context = context;
    this.eks = eks;
    this.ec2 = ec2;
    this.parts = parts;
    this.cluster = context.resource().name();
  }

  public static CompletableFuture<ClusterDeletion> run(
      OperationContext context, EksClient eks, Ec2Client ec2, List<CascadePart> parts) {
    return new CascadeDelete(context, eks, ec2, parts).run();
  }

  private CompletableFuture<ClusterDeletion> run() {
    return list("find cluster", () -> ClusterWaits.find(eks, cluster))
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                context.observed(
                    context.resource(), "delete", "NOT_FOUND", java.time.Duration.ZERO, 1);
                return CompletableFuture.completedFuture(
                    new ClusterDeletion(cluster, List.of(), List.of(), List.of(), Map.of(), false));
              }
              return guardSelfManagedNodes()
                  .thenCompose(guarded -> deleteChildren())
                  .thenCompose(
                      children ->
                          deleteCluster()
                              .thenApply(
                                  deleted ->
                                      new ClusterDeletion(
                                          cluster,
                                          children.fargateProfiles(),
                                          children.nodegroups(),
                                          children.addons(),
                                          children.otherParts(),
                                          deleted)));
            });
  }

  private CompletableFuture<ClusterDeletion> deleteChildren() {
    return deleteFargateProfiles()
        .thenCompose(
            profiles -> {
              CompletableFuture<Map<String, List<String>>> others = deleteOtherParts();
              return deleteNodegroups()
                  .thenCombine(others, Map::entry)
                  .thenCompose(
                      nodes ->
                          deleteAddons()
                              .thenApply(
                                  addons ->
                                      new ClusterDeletion(
                                          cluster,
                                          profiles,
                                          nodes.getKey(),
                                          addons,
                                          nodes.getValue(),
                                          false)));
            });
  }

  /**
   * Without the part that deletes self-managed node groups, refuses to strand their instances (see
   * {@link OrphanedNodesGuard}); with it, that part deletes them.
   */
  private CompletableFuture<Boolean> guardSelfManagedNodes() {
    if (parts.stream().anyMatch(p -> p.kind().equals(CascadePart.SELF_MANAGED_NODEGROUPS))) {
      return CompletableFuture.completedFuture(true);
    }
    return list("check for self-managed nodes", () -> OrphanedNodesGuard.check(context, ec2));
  }

  /** Every registered part at once, each reporting the names it deleted. */
  private CompletableFuture<Map<String, List<String>>> deleteOtherParts() {
    Map<String, CompletableFuture<List<String>>> runs = new LinkedHashMap<>();
    parts.forEach(part -> runs.put(part.kind(), part.deleteAll(context, cluster)));
    return CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new))
        .thenApply(
            all -> {
              Map<String, List<String>> deleted = new LinkedHashMap<>();
              runs.forEach((kind, run) -> deleted.put(kind, run.join()));
              return deleted;
            });
  }

  private CompletableFuture<List<String>> deleteFargateProfiles() {
    return names(
            "list Fargate profiles",
            () ->
                eks
                    .listFargateProfilesPaginator(r -> r.clusterName(cluster))
                    .fargateProfileNames()
                    .stream()
                    .sorted()
                    .toList())
        .thenCompose(names -> oneAfterAnother(names, this::fargateProfile));
  }

  private CompletableFuture<List<String>> deleteNodegroups() {
    return names(
            "list node groups",
            () ->
                eks.listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream()
                    .toList())
        .thenCompose(names -> allAtOnce(names, this::nodegroup));
  }

  private CompletableFuture<List<String>> deleteAddons() {
    return names(
            "list add-ons",
            () -> eks.listAddonsPaginator(r -> r.clusterName(cluster)).addons().stream().toList())
        .thenCompose(names -> allAtOnce(names, this::addon));
  }

  private CompletableFuture<Boolean> deleteCluster() {
    ResourceRef ref = context.resource();
    return new ChildDeletion(
            ref,
            WaitKind.CLUSTER_DELETE,
            () -> eks.deleteCluster(r -> r.name(cluster)),
            () ->
                ClusterWaits.find(eks, cluster)
                    .map(
                        c ->
                            new ChildDeletion.Observed(
                                c.statusAsString(), ClusterMapping.healthIssues(c))),
            "FAILED")
        .run(context);
  }

  private ChildDeletion fargateProfile(String name) {
    return ChildDeletions.fargateProfile(eks, cluster, name);
  }

  private ChildDeletion nodegroup(String name) {
    return ChildDeletions.nodegroup(eks, cluster, name);
  }

  private ChildDeletion addon(String name) {
    return ChildDeletions.addon(eks, cluster, name);
  }

  private <T> CompletableFuture<T> list(String step, Supplier<T> call) {
    return StepRetry.run(context, context.resource(), step, StepRetry.RETRYABLE, call);
  }

  /** The names a paginated list returns; "not found" means there are none. */
  private CompletableFuture<List<String>> names(String step, Supplier<List<String>> call) {
    return list(step, () -> NotFound.asEmpty(() -> Optional.of(call.get())).orElse(List.of()));
  }

  /** Deletes in order, each waited before the next starts; returns the names this run deleted. */
  private CompletableFuture<List<String>> oneAfterAnother(
      List<String> names, java.util.function.Function<String, ChildDeletion> deletion) {
    CompletableFuture<List<String>> chain = CompletableFuture.completedFuture(List.of());
    for (String name : names) {
      chain =
          chain.thenCompose(
              done ->
                  deletion
                      .apply(name)
                      .run(context)
                      .thenApply(deleted -> deleted ? append(done, name) : done));
    }
    return chain;
  }

  private CompletableFuture<List<String>> allAtOnce(
      List<String> names, java.util.function.Function<String, ChildDeletion> deletion) {
    List<CompletableFuture<Boolean>> runs =
        names.stream().map(n -> deletion.apply(n).run(context)).toList();
    return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
        .thenApply(
            all ->
                java.util.stream.IntStream.range(0, names.size())
                    .filter(i -> runs.get(i).join())
                    .mapToObj(names::get)
                    .toList());
  }

  private static List<String> append(List<String> list, String name) {
    List<String> longer = new java.util.ArrayList<>(list);
    longer.add(name);
    return List.copyOf(longer);
  }
}
