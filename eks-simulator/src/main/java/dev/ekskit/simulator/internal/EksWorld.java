package dev.ekskit.simulator.internal;

import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/** All EKS state of one simulation, and the rules that span resource kinds. */
final class EksWorld {
  final EksContext context;
  final ClusterStore clusters;
  final ClusterUpdates updates;
  final NodegroupStore nodegroups;
  final NodegroupUpdates nodegroupUpdates;
  final FargateStore fargateProfiles;
  final AddonStore addons;
  final AddonUpdates addonUpdates;
  final AccessEntryStore accessEntries;
  final PodIdentityStore podIdentity;
  final InsightStore insights;

  EksWorld(EksContext context) {
    this.context = context;
    this.clusters = new ClusterStore(context, this::clusterGone);
    this.updates = new ClusterUpdates(context, clusters);
    this.nodegroups = new NodegroupStore(context);
    this.nodegroupUpdates = new NodegroupUpdates(context, nodegroups, clusters);
    this.fargateProfiles = new FargateStore(context);
    this.addons =
        new AddonStore(
            context, new AddonCapacity(context, nodegroups, fargateProfiles, clusters), clusters);
    this.addonUpdates = new AddonUpdates(context, addons);
    this.accessEntries = new AccessEntryStore(context);
    this.podIdentity = new PodIdentityStore(context);
    this.insights = new InsightStore(context);
  }

  /**
   * Brings the state up to virtual now: what fell due happens (a deleted resource disappears, a
   * deleted cluster takes its add-ons and access entries with it); nothing else is visited.
   */
  void settle() {
    context.agenda().runDue(context.now());
  }

  private void clusterGone(String name) {
    addons.dropCluster(name);
    accessEntries.dropCluster(name);
    podIdentity.dropCluster(name);
  }

  /** EKS refuses to delete a cluster that still has node groups or Fargate profiles. */
  Cluster deleteCluster(String name) {
    clusters.require(name);
    if (!nodegroups.inCluster(name).isEmpty()) {
      throw Errors.inUse("Cluster has nodegroups attached");
    }
    if (!fargateProfiles.inCluster(name).isEmpty()) {
      throw Errors.inUse("Cluster has fargate profiles attached");
    }
    return clusters.startDelete(name);
  }

  /**
   * The VPC configuration of cluster {@code name}, which must be ACTIVE or UPDATING: where
   * controllers running inside it put what they make.
   */
  VpcConfigResponse runningClusterVpc(String name) {
    settle();
    ClusterState cluster;
    try {
      cluster = clusters.require(name);
    } catch (ResourceNotFoundException e) {
      throw new IllegalStateException(
          "No cluster " + name + ": controllers run only inside a cluster", e);
    }
    ClusterStatus status = cluster.status(context.now());
    if (status != ClusterStatus.ACTIVE && status != ClusterStatus.UPDATING) {
      throw new IllegalStateException(
          "Cluster " + name + " is " + status + ": controllers run only in a running cluster");
    }
    return cluster.vpcConfig;
  }

  /** Listing the children of a cluster that does not exist is a ResourceNotFoundException. */
  Page<String> listChildren(
      ChildStore<?> store, String clusterName, Integer maxResults, String nextToken) {
    clusters.require(clusterName);
    return store.names(clusterName, maxResults, nextToken);
  }
}
