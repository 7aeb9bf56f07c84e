package dev.ekskit.core;

import dev.ekskit.core.spi.BlueprintFacts;
import java.util.List;

/**
 * A part of a {@link ClusterBlueprint} that a module contributes: a managed or self-managed node
 * group (eks-nodes), a Fargate profile (eks-fargate). Their specs implement it; the module's {@link
 * dev.ekskit.core.spi.BlueprintPartHandler} plans, applies and deletes it.
 *
 * <pre>{@code
 * ClusterBlueprint.builder()
 *     .cluster(cluster)
 *     .addParts(NodegroupSpec.builder().clusterName("orders").name("general").build(),
 *               FargateProfileSpec.builder().clusterName("orders").name("batch")
 *                   .addSelectors(FargateSelector.of("batch")).build())
 *     .build();
 * }</pre>
 */
public interface BlueprintPart {
  /** The cluster the part belongs to: the blueprint's. */
  String clusterName();

  /** Its name, unique among the blueprint's parts of the same type. */
  String partName();

  /**
   * Whether Linux system pods such as CoreDNS can run on the part once it exists: Windows nodes
   * need such capacity elsewhere in the cluster.
   */
  default boolean hostsLinuxSystemPods() {
    return false;
  }

  /**
   * The rules the part breaks within {@code blueprint}: subnets the blueprint supplies, an AMI that
   * does not fit the cluster's version, capacity Windows nodes need. Fields are the part's own
   * ({@code ami.family}); the blueprint prefixes them with the part's path ({@code parts[2]}).
   */
  default List<Violation> violationsWithin(BlueprintFacts blueprint) {
    return List.of();
  }
}
