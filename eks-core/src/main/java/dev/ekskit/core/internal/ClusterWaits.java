package dev.ekskit.core.internal;

import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.SharedDescribe;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Update;

/** The waits on a cluster and its updates, shared by create, update and delete. */
public final class ClusterWaits {
  private ClusterWaits() {}

  /** Waits until the scope's cluster is ACTIVE. */
  public static CompletableFuture<Cluster> active(
      Scope scope, EksClient eks, PollingPolicy policy) {
    String name = scope.resource().name();
    return scope.await(Steps.WAIT_ACTIVE, policy, describe(eks, name), ClusterReadiness::toActive);
  }

  /** DescribeCluster as every wait on the cluster shares it. */
  public static SharedDescribe<Cluster> describe(EksClient eks, String name) {
    return SharedDescribe.of(
        "eks", "cluster/" + name, () -> eks.describeCluster(r -> r.name(name)).cluster());
  }

  public static CompletableFuture<Update> update(
      Scope scope, EksClient eks, String updateId, WaitKind kind) {
    String name = scope.resource().name();
    return scope.await(
        Steps.waitUpdate(updateId),
        kind,
        () ->
            ClusterReadiness.toSuccessful(
                scope.resource(),
                eks.describeUpdate(r -> r.name(name).updateId(updateId)).update()));
  }

  /** The cluster, or empty if EKS does not know it. */
  public static Optional<Cluster> find(EksClient eks, String name) {
    return AwsErrors.absentAsEmpty(
        () -> Optional.of(eks.describeCluster(r -> r.name(name)).cluster()));
  }
}
