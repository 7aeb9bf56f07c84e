package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.Steps;
import dev.ekskit.core.internal.automode.AutoModeMapping;
import dev.ekskit.core.internal.automode.AutoModeNodes;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.Deletion;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.TurnKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Deletes a cluster and what hangs off it, in the order EKS requires: the modules' preflight
 * checks; Fargate profiles one at a time (in the cluster's Fargate turn); node groups in parallel,
 * together with the modules' {@link CascadeStep.Stage#BEFORE_CLUSTER} steps; add-ons; the cluster;
 * once an Auto Mode cluster's instances are gone too, the modules' {@link
 * CascadeStep.Stage#AFTER_CLUSTER} steps. Everything is found by listing, and the modules' steps
 * run even when the cluster is gone, so a second run after a crash finishes the job. A cancelled or
 * expired operation starts no further part.
 */
public final class CascadeDelete {
  private final Scope scope;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final List<CascadeStep> steps;
  private final String cluster;

  private CascadeDelete(Scope scope, EksClient eks, Ec2Client ec2, List<CascadeStep> steps) {
    this.scope = scope;
    this.eks = eks;
    this.ec2 = ec2;
    this.steps = steps;
    this.cluster = scope.resource().name();
  }

  public static CompletableFuture<ClusterDeletion> run(
      Scope scope, EksClient eks, Ec2Client ec2, List<CascadeStep> steps) {
    return new CascadeDelete(scope, eks, ec2, steps).run();
  }

  private CompletableFuture<ClusterDeletion> run() {
    // Whether the cluster runs Auto Mode, or empty when it is gone.
    return scope
        .call(
            Steps.find("cluster"),
            () -> ClusterWaits.find(eks, cluster).map(AutoModeMapping::enabled))
        .thenCompose(
            found ->
                scope.sequence(steps, step -> step.preflight(scope, cluster)).thenApply(p -> found))
        .thenCompose(
            found -> found.isPresent() ? deleteWithCluster(found.get()) : deleteModulePartsOnly());
  }

  /**
   * The cluster is gone, maybe by an earlier run: what remains are the modules' parts, and the
   * instances of an Auto Mode cluster that may outlive it.
   */
  private CompletableFuture<ClusterDeletion> deleteModulePartsOnly() {
    scope.observed(Steps.DELETE, "NOT_FOUND");
    return moduleParts(CascadeStep.Stage.BEFORE_CLUSTER)
        .thenCompose(
            before ->
                AutoModeNodes.awaitGone(scope, ec2, cluster)
                    .thenCompose(nodesGone -> moduleParts(CascadeStep.Stage.AFTER_CLUSTER))
                    .thenApply(
                        after ->
                            new ClusterDeletion(
                                cluster,
                                List.of(),
                                List.of(),
                                List.of(),
                                merge(before, after),
                                false)));
  }

  private CompletableFuture<ClusterDeletion> deleteWithCluster(boolean autoMode) {
    return scope
        .serialized(
            TurnKeys.fargateProfiles(cluster),
            () ->
                names("list Fargate profiles", this::fargateProfileNames)
                    .thenCompose(
                        names ->
                            deleteEach(
                                names, false, n -> ChildDeletions.fargateProfile(eks, cluster, n))))
        .thenCompose(
            profiles -> {
              CompletableFuture<Map<String, List<String>>> before =
                  moduleParts(CascadeStep.Stage.BEFORE_CLUSTER);
              return names("list node groups", this::nodegroupNames)
                  .thenCompose(
                      names ->
                          deleteEach(names, true, n -> ChildDeletions.nodegroup(eks, cluster, n)))
                  .thenCombine(before, Map::entry)
                  .thenCompose(
                      nodes ->
                          names("list add-ons", this::addonNames)
                              .thenCompose(
                                  names ->
                                      deleteEach(
                                          names, true, n -> ChildDeletions.addon(eks, cluster, n)))
                              .thenCompose(
                                  addons ->
                                      ChildDeletions.cluster(eks, cluster)
                                          .run(scope)
                                          .thenCompose(
                                              deleted ->
                                                  autoMode
                                                      ? AutoModeNodes.awaitGone(scope, ec2, cluster)
                                                          .thenApply(nodesGone -> deleted)
                                                      : CompletableFuture.completedFuture(deleted))
                                          .thenCompose(
                                              deleted ->
                                                  moduleParts(CascadeStep.Stage.AFTER_CLUSTER)
                                                      .thenApply(
                                                          after ->
                                                              new ClusterDeletion(
                                                                  cluster,
                                                                  profiles,
                                                                  nodes.getKey(),
                                                                  addons,
                                                                  merge(nodes.getValue(), after),
                                                                  deleted)))));
            });
  }

  /** Every module step of {@code stage} at once, each reporting the names it deleted. */
  private CompletableFuture<Map<String, List<String>>> moduleParts(CascadeStep.Stage stage) {
    List<CascadeStep> ofStage = steps.stream().filter(s -> s.stage() == stage).toList();
    return scope
        .parallel(ofStage, ofStage.size() + 1, step -> step.delete(scope, cluster))
        .thenApply(
            deleted -> {
              Map<String, List<String>> byKind = new LinkedHashMap<>();
              for (int i = 0; i < ofStage.size(); i++) {
                byKind.put(ofStage.get(i).kind(), deleted.get(i));
              }
              return byKind;
            });
  }

  /** Deletes each and waits, all at once or one after another; the names this run deleted. */
  private CompletableFuture<List<String>> deleteEach(
      List<String> names, boolean atOnce, Function<String, Deletion> deletion) {
    Function<String, CompletableFuture<Optional<String>>> one =
        name ->
            deletion
                .apply(name)
                .run(scope)
                .thenApply(deleted -> deleted ? Optional.of(name) : Optional.<String>empty());
    return (atOnce ? scope.parallel(names, names.size() + 1, one) : scope.sequence(names, one))
        .thenApply(results -> results.stream().flatMap(Optional::stream).toList());
  }

  /** The names a paginated list returns; "not found" means there are none. */
  private CompletableFuture<List<String>> names(String step, Supplier<List<String>> list) {
    return scope.call(
        step, () -> AwsErrors.absentAsEmpty(() -> Optional.of(list.get())).orElse(List.of()));
  }

  private List<String> fargateProfileNames() {
    return eks
        .listFargateProfilesPaginator(r -> r.clusterName(cluster))
        .fargateProfileNames()
        .stream()
        .sorted()
        .toList();
  }

  private List<String> nodegroupNames() {
    return eks.listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream().toList();
  }

  private List<String> addonNames() {
    return eks.listAddonsPaginator(r -> r.clusterName(cluster)).addons().stream().toList();
  }

  private static Map<String, List<String>> merge(
      Map<String, List<String>> first, Map<String, List<String>> second) {
    Map<String, List<String>> all = new LinkedHashMap<>(first);
    all.putAll(second);
    return all;
  }
}
