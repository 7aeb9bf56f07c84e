package dev.ekskit.core;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Blueprints#apply(ClusterBlueprint)} left: the cluster, ACTIVE, the network it made,
 * and what it did to each resource.
 *
 * <pre>{@code
 * AppliedBlueprint applied = kit.blueprints().apply(blueprint).await(Duration.ofMinutes(60));
 * String kubeconfig = kit.clusters().kubeconfig(applied.cluster());
 * applied.changes(PlanAction.CREATE).forEach(c -> log.info("created {} {}", c.kind(), c.name()));
 * }</pre>
 *
 * @param cluster the cluster as EKS describes it after the apply
 * @param network the network the blueprint made, if it makes one
 * @param changes what the apply did, a line per resource, as a {@link Plan} lists them
 */
public record AppliedBlueprint(
    ClusterInfo cluster, Optional<NetworkInfo> network, List<PlannedChange> changes) {

  public AppliedBlueprint {
    changes = List.copyOf(changes);
  }

  /** The resources the apply treated with {@code action}. */
  public List<PlannedChange> changes(PlanAction action) {
    return changes.stream().filter(change -> change.action() == action).toList();
  }
}
