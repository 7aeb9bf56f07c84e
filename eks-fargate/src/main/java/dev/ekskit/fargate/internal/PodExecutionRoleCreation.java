package dev.ekskit.fargate.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.core.internal.Tags;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Create-or-adopt the pod execution role, then attach the managed policy (attaching twice is
 * harmless). The trust policy is scoped to the cluster's Fargate profiles by {@code aws:SourceArn},
 * built from the cluster's own ARN so partition, region and account are right.
 */
public final class PodExecutionRoleCreation {
  static final String PRINCIPAL = "eks-fargate-pods.amazonaws.com";
  static final String MANAGED_POLICY = "AmazonEKSFargatePodExecutionRolePolicy";

  private PodExecutionRoleCreation() {}

  public static CompletableFuture<String> run(
      OperationContext context, EksClient eks, IamClient iam, PodExecutionRoleSpec spec) {
    ResourceRef ref = context.resource();
    return StepRetry.run(
            context,
            ref,
            "look up cluster",
            StepRetry.RETRYABLE,
            () ->
                eks.describeCluster(r -> r.name(spec.clusterName())).cluster().arn().split(":", 6))
        .thenCompose(
            clusterArn ->
                StepRetry.run(
                        context,
                        ref,
                        "create",
                        StepRetry.RETRYABLE,
                        () -> createOrAdopt(ref, iam, spec, trustPolicy(clusterArn, spec)))
                    .thenCompose(
                        roleArn ->
                            StepRetry.run(
                                context,
                                ref,
                                "attach " + MANAGED_POLICY,
                                StepRetry.RETRYABLE,
                                () -> {
                                  iam.attachRolePolicy(
                                      r ->
                                          r.roleName(spec.roleName())
                                              .policyArn(
                                                  "arn:"
                                                      + clusterArn[1]
                                                      + ":iam::aws:policy/"
                                                      + MANAGED_POLICY));
                                  return roleArn;
                                })));
  }

  /** {@code clusterArn} split at its first five colons: arn, partition, eks, region, account. */
  static String trustPolicy(String[] clusterArn, PodExecutionRoleSpec spec) {
    String sourceArn =
        "arn:"
            + clusterArn[1]
            + ":eks:"
            + clusterArn[3]
            + ":"
            + clusterArn[4]
            + ":fargateprofile/"
            + spec.clusterName()
            + "/*";
    return """
           {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
           "Principal":{"Service":"%s"},"Action":"sts:AssumeRole",\
           "Condition":{"ArnLike":{"aws:SourceArn":"%s"}}}]}"""
        .formatted(PRINCIPAL, sourceArn);
  }

  private static String createOrAdopt(
      ResourceRef ref, IamClient iam, PodExecutionRoleSpec spec, String trustPolicy) {
    try {
      return iam.createRole(
              r ->
                  r.roleName(spec.roleName())
                      .path("/")
                      .assumeRolePolicyDocument(trustPolicy)
                      .description(
                          "Fargate pod execution role of EKS cluster " + spec.clusterName())
                      .tags(
                          Tags.withOwnership(spec.tags()).entrySet().stream()
                              .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                              .toList()))
          .role()
          .arn();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.IN_USE)) {
        throw e;
      }
      Role existing = iam.getRole(r -> r.roleName(spec.roleName())).role();
      String trust = URLDecoder.decode(existing.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
      List<FieldDifference> diff = new ArrayList<>();
      if (!"/".equals(existing.path())) {
        diff.add(new FieldDifference("path", "/", existing.path()));
      }
      if (!trust.contains(PRINCIPAL)) {
        diff.add(new FieldDifference("trust policy", "trusts " + PRINCIPAL, trust));
      }
      if (!diff.isEmpty()) {
        throw new ConflictException(ref, diff, e);
      }
      return existing.arn();
    }
  }
}
