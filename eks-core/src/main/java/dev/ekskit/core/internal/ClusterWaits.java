package dev.ekskit.core.internal;

import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Update;

/** The waits on a cluster and its updates, shared by create, update and delete. */
public final class ClusterWaits {
  private ClusterWaits() {}

  public static CompletableFuture<Cluster> active(
      OperationContext context, EksClient eks, ResourceRef ref, PollingPolicy policy) {
    return Poller.await(
        context,
        ref,
        "wait ACTIVE",
        policy,
        () ->
            ClusterReadiness.toActive(
                eks.describeCluster(r -> r.name(clusterName(ref))).cluster()));
  }

  public static CompletableFuture<Boolean> deleted(
      OperationContext context, EksClient eks, ResourceRef ref) {
    return Poller.await(
        context,
        ref,
        "wait deleted",
        context.engine().policy(WaitKind.CLUSTER_DELETE),
        () -> ClusterReadiness.toDeleted(find(eks, clusterName(ref))));
  }

  public static CompletableFuture<Update> update(
      OperationContext context, EksClient eks, ResourceRef ref, String updateId, WaitKind kind) {
    return Poller.await(
        context,
        ref,
        "wait update " + updateId,
        context.engine().policy(kind),
        () ->
            ClusterReadiness.toSuccessful(
                ref,
                eks.describeUpdate(r -> r.name(clusterName(ref)).updateId(updateId)).update()));
  }

  /** The cluster, or empty if EKS does not know it. */
  public static Optional<Cluster> find(EksClient eks, String name) {
    return NotFound.asEmpty(() -> Optional.of(eks.describeCluster(r -> r.name(name)).cluster()));
  }

  private static String clusterName(ResourceRef ref) {
    return ref.name();
  }
}
