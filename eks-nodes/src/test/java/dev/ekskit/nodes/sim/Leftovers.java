package dev.ekskit.nodes.sim;

import dev.ekskit.simulator.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Everything of a node group's kinds that exists in a simulated account, read straight from the
 * simulation: what a test checks after a create (one of each) and after a delete (nothing).
 */
record Leftovers(
    List<String> instanceProfiles,
    List<String> launchTemplates,
    List<String> autoScalingGroups,
    List<String> accessEntries,
    List<String> nodegroups,
    List<String> clusters) {

  static Leftovers of(SimulatedAws aws, String cluster) {
    List<String> entries = new ArrayList<>();
    List<String> nodegroups = new ArrayList<>();
    try {
      entries.addAll(aws.eks().listAccessEntries(r -> r.clusterName(cluster)).accessEntries());
      nodegroups.addAll(aws.eks().listNodegroups(r -> r.clusterName(cluster)).nodegroups());
    } catch (ResourceNotFoundException clusterGone) {
      // A deleted cluster has neither.
    }
    return new Leftovers(
        aws.iam().listInstanceProfiles().instanceProfiles().stream()
            .map(p -> p.instanceProfileName() + p.roles().stream().map(r -> "+" + r.roleName()).toList())
            .toList(),
        aws.ec2().describeLaunchTemplates().launchTemplates().stream()
            .map(t -> t.launchTemplateName())
            .toList(),
        aws.autoScaling().describeAutoScalingGroups().autoScalingGroups().stream()
            .map(g -> g.autoScalingGroupName())
            .toList(),
        entries,
        nodegroups,
        aws.eks().listClusters().clusters());
  }

  /** Nothing of a node group left, and no cluster. */
  boolean none() {
    return instanceProfiles.isEmpty()
        && launchTemplates.isEmpty()
        && autoScalingGroups.isEmpty()
        && accessEntries.isEmpty()
        && nodegroups.isEmpty()
        && clusters.isEmpty();
  }
}
