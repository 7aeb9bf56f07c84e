package dev.ekskit.core;

import java.util.List;

/**
 * What a cascade delete removed. Running a delete again after a crash removes only what was left,
 * so each run reports its own share.
 *
 * @param clusterName the cluster
 * @param fargateProfiles Fargate profiles deleted, one at a time
 * @param nodegroups managed node groups deleted, in parallel
 * @param addons add-ons deleted
 * @param clusterDeleted false when the cluster was already gone
 */
public record ClusterDeletion(
    String clusterName,
    List<String> fargateProfiles,
    List<String> nodegroups,
    List<String> addons,
    boolean clusterDeleted) {

  public ClusterDeletion {
    fargateProfiles = List.copyOf(fargateProfiles);
    nodegroups = List.copyOf(nodegroups);
    addons = List.copyOf(addons);
  }
}
