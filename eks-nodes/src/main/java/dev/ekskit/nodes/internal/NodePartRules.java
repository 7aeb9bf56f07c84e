package dev.ekskit.nodes.internal;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.AmiChoice;
import java.util.List;
import java.util.Optional;

/**
 * What both kinds of node group need from where they run: subnets and a node role, given in the
 * spec or made by the blueprint, the AMI family's fit with the Kubernetes version, and Linux
 * capacity beside Windows nodes.
 */
public final class NodePartRules {
  private NodePartRules() {}

  /** The part's rules within {@code blueprint}, its fields relative to the part. */
  public static List<Violation> within(
      BlueprintFacts blueprint,
      BlueprintPart part,
      String specType,
      List<String> subnetIds,
      Optional<String> nodeRoleArn,
      AmiChoice ami,
      Optional<String> kubernetesVersion) {
    Violations v = new Violations(specType);
    if (subnetIds.isEmpty() && !blueprint.makesNetwork()) {
      v.add(
          "subnetIds",
          "required",
          "name the nodes' subnets: the blueprint makes no network to take them from");
    }
    if (nodeRoleArn.isEmpty() && !blueprint.makesNodeRole()) {
      v.add(
          "nodeRoleArn",
          "required",
          "name the nodes' role: the blueprint makes no node role to take it from");
    }
    // A version the spec pins was checked at build(); otherwise the nodes run the blueprint's.
    if (kubernetesVersion.isEmpty()) {
      NodegroupSpecRules.amiVersion(v, ami, blueprint.kubernetesVersion());
    }
    if (ami.isWindows() && !blueprint.hasLinuxCapacityBesides(part)) {
      v.add(
          "ami",
          "windows-needs-linux-capacity",
          "Windows nodes need Linux capacity for CoreDNS and the other Linux-only system pods:"
              + " add a Linux node group or a Fargate profile for kube-system to the blueprint");
    }
    return v.list();
  }

  /**
   * What creating a node group on its own needs beyond its {@code build()} rules: the subnets and
   * the role only a blueprint may leave out.
   */
  public static List<Violation> creatable(List<String> subnetIds, Optional<String> nodeRoleArn) {
    Violations v = new Violations("NodegroupSpec");
    if (subnetIds.isEmpty()) {
      v.add(
          "subnetIds",
          "required",
          "a node group needs at least one subnet (only a ClusterBlueprint that makes the network"
              + " may leave them out)");
    }
    if (nodeRoleArn.isEmpty()) {
      v.add(
          "nodeRoleArn",
          "required",
          "a node group needs the IAM role its nodes run as (only a ClusterBlueprint that makes a"
              + " node role may leave it out)");
    }
    return v.list();
  }

  /** Throws {@code InvalidSpecException} of {@code specType} with what {@link #creatable} finds. */
  public static void requireCreatable(
      String specType, List<String> subnetIds, Optional<String> nodeRoleArn) {
    Violations v = new Violations(specType);
    v.addAll(creatable(subnetIds, nodeRoleArn));
    v.throwIfAny();
  }
}
