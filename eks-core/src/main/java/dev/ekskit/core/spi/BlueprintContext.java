package dev.ekskit.core.spi;

import dev.ekskit.core.ClusterInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plan, apply, upgrade or delete of a blueprint, as its part handlers see it: the kit, the
 * cluster, and what the blueprint supplies to parts that leave it out (subnets, the node role).
 * While planning, what the blueprint has not made yet is absent.
 *
 * <pre>{@code
 * NodegroupSpec complete = part.toBuilder()
 *     .subnetIds(part.subnetIds().isEmpty() ? blueprint.nodeSubnetIds() : part.subnetIds())
 *     .nodeRoleArn(part.nodeRoleArn().or(blueprint::nodeRoleArn))
 *     .tags(blueprint.tags(part.tags()))
 *     .build();
 * }</pre>
 */
public interface BlueprintContext {
  /** The blueprint's cluster. */
  String clusterName();

  /** The kit the blueprint runs in: its clients, clock and engine. */
  KitContext kit();

  /**
   * The Kubernetes version the cluster runs once the blueprint is applied: the blueprint's, else
   * EKS's default; during an upgrade, the target.
   */
  String kubernetesVersion();

  /** The cluster as it is now; empty while planning a cluster that does not exist yet. */
  Optional<ClusterInfo> cluster();

  /** {@code tags} plus the mark that makes a resource this blueprint's ({@link Tags#BLUEPRINT}). */
  default Map<String, String> tags(Map<String, String> tags) {
    return Tags.forBlueprint(clusterName(), tags);
  }

  /** Whether {@code tags} mark a resource as this blueprint's: only such parts may be deleted. */
  default boolean isOwned(Map<String, String> tags) {
    return Tags.isInBlueprint(tags, clusterName());
  }

  /**
   * The subnets for parts that name none: the private subnets of the network the blueprint makes
   * when it has NAT gateways, else its public subnets. Empty when the blueprint makes no network,
   * or has not made it yet.
   */
  List<String> nodeSubnetIds();

  /** The private subnets of the network the blueprint makes (Fargate needs them); or empty. */
  List<String> privateSubnetIds();

  /** The node role the blueprint makes, once made; empty if it makes none. */
  Optional<String> nodeRoleArn();

  /** Whether parts whose immutable fields differ may be deleted and created again. */
  boolean allowReplacement();

  /** Whether updates go on despite what would otherwise stop them (a PodDisruptionBudget). */
  boolean force();
}
