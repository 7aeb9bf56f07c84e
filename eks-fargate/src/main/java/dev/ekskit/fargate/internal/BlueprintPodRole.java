package dev.ekskit.fargate.internal;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The pod execution role a blueprint makes for its profiles that name none: {@code
 * <cluster>-fargate-pods}, one per cluster, made for the cluster (so that the cluster's cascade
 * delete removes it) and carrying the blueprint's tag.
 */
final class BlueprintPodRole {
  private static final String SUFFIX = "-fargate-pods";

  private BlueprintPodRole() {}

  static String name(String cluster) {
    return cluster + SUFFIX;
  }

  /** Its ARN as IAM names it, in the cluster's partition and account, with path {@code /}. */
  static String arn(ClusterInfo cluster) {
    String[] clusterArn = cluster.arn().split(":", 6);
    return "arn:" + clusterArn[1] + ":iam::" + clusterArn[4] + ":role/" + name(cluster.name());
  }

  /**
   * Its ARN, once it is ready: found as it is, else made or finished (the policy attached). Run it
   * in the cluster's Fargate turn, so that the profiles sharing it never make it at once.
   */
  static CompletableFuture<String> ensure(
      Scope scope, EksClient eks, IamClient iam, BlueprintContext blueprint) {
    PodExecutionRoleSpec spec =
        PodExecutionRoleSpec.builder()
            .clusterName(blueprint.clusterName())
            .roleName(name(blueprint.clusterName()))
            .tags(blueprint.tags(Map.of()))
            .build();
    Scope role = scope.child(PodExecutionRoleCreation.ref(spec));
    return role.call(
            Steps.find("role"), () -> PodExecutionRoleCreation.readyArn(iam, spec.roleName()))
        .thenCompose(
            ready ->
                ready
                    .map(CompletableFuture::completedFuture)
                    .orElseGet(() -> PodExecutionRoleCreation.run(role, eks, iam, spec)));
  }
}
