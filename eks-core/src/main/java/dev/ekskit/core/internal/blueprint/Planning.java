package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.ClusterVersion;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.internal.versions.VersionFacts;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * A blueprint's plan, read step by step within an operation and never changing anything: the target
 * version, then each stage's resources in apply order (a stage reads what the one before found,
 * such as the network's subnets), then the parts removed from the blueprint that carry its tag.
 */
final class Planning {
  private Planning() {}

  static CompletableFuture<Plan> run(Scope scope, BlueprintRun run) {
    return scope
        .read("resolve version", () -> resolveVersion(run))
        .thenCompose(
            version -> {
              run.targetVersion(version);
              return stages(scope, run);
            })
        .thenCompose(
            kept ->
                removed(scope, run)
                    .thenApply(
                        deleted -> {
                          List<PlannedChange> all = new ArrayList<>(kept);
                          all.addAll(deleted);
                          return new Plan(run.clusterName(), run.kubernetesVersion(), all);
                        }));
  }

  /**
   * The blueprint's version; else the cluster's, so nothing upgrades unasked; else EKS's default.
   */
  private static String resolveVersion(BlueprintRun run) {
    return run.blueprint()
        .cluster()
        .kubernetesVersion()
        .or(() -> ClusterWaits.find(run.eks(), run.clusterName()).map(Cluster::version))
        .or(() -> VersionFacts.versions(run.eks()).defaultVersion().map(ClusterVersion::version))
        .orElseThrow(
            () ->
                new EksKitException(
                    "EKS names no default Kubernetes version: set the cluster spec's"
                        + " kubernetesVersion"));
  }

  private static CompletableFuture<List<PlannedChange>> stages(Scope scope, BlueprintRun run) {
    List<BlueprintStage> stages = List.of(BlueprintStage.values());
    return scope
        .sequence(
            stages,
            stage -> {
              List<BlueprintItem<?>> items =
                  run.items().stream().filter(item -> item.stage() == stage).toList();
              return scope.parallel(
                  items,
                  Math.max(1, items.size()),
                  item ->
                      scope.read("plan " + item.kind() + " " + item.name(), () -> item.plan(run)));
            })
        .thenApply(perStage -> perStage.stream().flatMap(List::stream).toList());
  }

  /** DELETE for each part of the blueprint's tag that it no longer holds. */
  private static CompletableFuture<List<PlannedChange>> removed(Scope scope, BlueprintRun run) {
    List<BlueprintPartHandler<?>> handlers = run.deletable();
    return scope
        .parallel(
            handlers,
            Math.max(1, handlers.size()),
            handler ->
                scope.read(
                    "list " + handler.kind(),
                    () -> {
                      Set<String> kept = namesOf(run, handler);
                      return handler.owned(run).stream()
                          .filter(name -> !kept.contains(name))
                          .map(name -> PlannedChange.delete(handler.kind(), name))
                          .toList();
                    }))
        .thenApply(lists -> lists.stream().flatMap(List::stream).toList());
  }

  private static Set<String> namesOf(BlueprintRun run, BlueprintPartHandler<?> handler) {
    return run.items().stream()
        .filter(item -> item.handler() == handler)
        .map(BlueprintItem::name)
        .collect(Collectors.toSet());
  }
}
