package dev.ekskit.core.spi;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.NetworkSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link BlueprintPart} may check itself against while its blueprint is built: the rest of
 * the blueprint, no AWS call.
 *
 * <pre>{@code
 * public List<Violation> violationsWithin(BlueprintFacts blueprint) {
 *   Violations v = new Violations("NodegroupSpec");
 *   if (subnetIds().isEmpty() && !blueprint.makesNetwork()) {
 *     v.add("subnetIds", "required", "name subnets: the blueprint makes no network");
 *   }
 *   return v.list();
 * }
 * }</pre>
 *
 * @param clusterName the blueprint's cluster
 * @param kubernetesVersion the cluster's version; empty when EKS's default is to be used
 * @param network the network the blueprint makes, if it makes one
 * @param makesNodeRole whether the blueprint makes a node role for parts that name none
 * @param autoMode whether the cluster runs EKS Auto Mode
 * @param parts every part of the blueprint
 */
public record BlueprintFacts(
    String clusterName,
    Optional<String> kubernetesVersion,
    Optional<NetworkSpec> network,
    boolean makesNodeRole,
    boolean autoMode,
    List<BlueprintPart> parts) {

  public BlueprintFacts {
    parts = List.copyOf(parts);
  }

  public boolean makesNetwork() {
    return network.isPresent();
  }

  /** Whether Linux system pods can run somewhere other than on {@code part}. */
  public boolean hasLinuxCapacityBesides(BlueprintPart part) {
    return autoMode
        || parts.stream().anyMatch(other -> other != part && other.hostsLinuxSystemPods());
  }
}
