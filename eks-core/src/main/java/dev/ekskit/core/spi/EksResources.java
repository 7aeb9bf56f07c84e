package dev.ekskit.core.spi;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.ChildDeletions;
import dev.ekskit.core.internal.ClusterMapping;
import dev.ekskit.core.internal.ClusterReadiness;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Update;

/**
 * EKS's own resources as every part of ekskit reads and removes them, so that a module deletes a
 * node group or a Fargate profile exactly as a cluster's cascade delete does.
 *
 * <pre>{@code
 * EksResources.nodegroupDeletion(eks, "orders", "general").run(scope);
 * ClusterInfo info = EksResources.clusterInfo(eks.describeCluster(r -> r.name("orders")).cluster());
 * }</pre>
 */
public final class EksResources {
  private EksResources() {}

  /** The cluster as ekskit reports it. */
  public static ClusterInfo clusterInfo(Cluster cluster) {
    return ClusterMapping.info(cluster);
  }

  /**
   * An update of a cluster or node group: {@code Successful} is done; {@code Failed} and {@code
   * Cancelled} end the wait with AWS's errors.
   */
  public static Readiness<Update> updateReadiness(ResourceRef ref, Update update) {
    return ClusterReadiness.toSuccessful(ref, update);
  }

  /** Deletes a managed node group and waits until it is gone. */
  public static Deletion nodegroupDeletion(EksClient eks, String cluster, String name) {
    return ChildDeletions.nodegroup(eks, cluster, name);
  }

  /** Deletes a Fargate profile and waits until it is gone; run it in the cluster's Fargate turn. */
  public static Deletion fargateProfileDeletion(EksClient eks, String cluster, String name) {
    return ChildDeletions.fargateProfile(eks, cluster, name);
  }

  /** Deletes an add-on and waits until it is gone. */
  public static Deletion addonDeletion(EksClient eks, String cluster, String name) {
    return ChildDeletions.addon(eks, cluster, name);
  }
}
