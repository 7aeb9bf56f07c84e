package dev.ekskit.core;

import java.util.List;
import java.util.Map;

/**
 * What a cascade delete removed. Running a delete again after a crash removes only what was left,
 * so each run reports its own share.
 *
 * @param clusterName the cluster
 * @param fargateProfiles Fargate profiles deleted, one at a time
 * @param nodegroups managed node groups deleted, in parallel
 * @param addons add-ons deleted
 * @param otherParts what other modules made and EKS does not delete with the cluster, by kind, e.g.
 *     {@code "self-managed node groups" -> [batch]}, deleted alongside the node groups
 * @param clusterDeleted false when the cluster was already gone
 */
public record ClusterDeletion(
    String clusterName,
    List<String> fargateProfiles,
    List<String> nodegroups,
    List<String> addons,
    Map<String, List<String>> otherParts,
    boolean clusterDeleted) {

  public ClusterDeletion {
    fargateProfiles = List.copyOf(fargateProfiles);
    nodegroups = List.copyOf(nodegroups);
    addons = List.copyOf(addons);
    otherParts = Map.copyOf(otherParts);
  }
}
