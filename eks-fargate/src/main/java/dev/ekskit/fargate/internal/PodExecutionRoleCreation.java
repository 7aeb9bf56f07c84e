package dev.ekskit.fargate.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Two parts, one after the other: create-or-adopt the pod execution role, then attach the managed
 * policy (attaching twice is harmless). A failure once the role exists names it in a {@link
 * dev.ekskit.core.PartialCreationException}. The trust policy is scoped to the cluster's Fargate
 * profiles by {@code aws:SourceArn}, built from the cluster's own ARN so partition, region and
 * account are right.
 */
public final class PodExecutionRoleCreation {
  static final String PRINCIPAL = "eks-fargate-pods.amazonaws.com";
  static final String MANAGED_POLICY = "AmazonEKSFargatePodExecutionRolePolicy";

  private PodExecutionRoleCreation() {}

  public static ResourceRef ref(PodExecutionRoleSpec spec) {
    return ResourceRef.child("iam-role", spec.clusterName(), spec.roleName());
  }

  /** Makes the role as work of {@code scope}, whose resource is {@link #ref}; returns its ARN. */
  public static CompletableFuture<String> run(
      Scope scope, EksClient eks, IamClient iam, PodExecutionRoleSpec spec) {
    return scope
        .call(
            "look up cluster",
            () ->
                eks.describeCluster(r -> r.name(spec.clusterName())).cluster().arn().split(":", 6))
        .thenCompose(clusterArn -> makeParts(scope, iam, spec, clusterArn));
  }

  private static CompletableFuture<String> makeParts(
      Scope scope, IamClient iam, PodExecutionRoleSpec spec, String[] clusterArn) {
    String policyArn = policyArn(clusterArn);
    ResourceRef attachment =
        ResourceRef.child(
            "iam-role-policy", spec.clusterName(), spec.roleName() + "/" + MANAGED_POLICY);
    Parts parts = new Parts(scope, cleanup(spec));
    // No existence check after the role failed: a role refused as different is not ours to report.
    return parts
        .make(
            ref(spec), null, () -> role(scope, iam, spec, trustPolicy(clusterArn, spec)).run(scope))
        .thenCompose(
            role ->
                parts.make(
                    attachment,
                    () -> attached(iam, spec.roleName(), policyArn),
                    () ->
                        scope.call(
                            "attach " + MANAGED_POLICY,
                            () -> {
                              iam.attachRolePolicy(
                                  r -> r.roleName(spec.roleName()).policyArn(policyArn));
                              return role.resource().arn();
                            })));
  }

  private static CreateOrAdopt<Role> role(
      Scope scope, IamClient iam, PodExecutionRoleSpec spec, String trustPolicy) {
    return CreateOrAdopt.<Role>builder(scope.resource())
        .what("the pod execution role")
        .cleanup(cleanup(spec))
        .create(
            () ->
                iam.createRole(
                        r ->
                            r.roleName(spec.roleName())
                                .path("/")
                                .assumeRolePolicyDocument(trustPolicy)
                                .description(
                                    Tags.roleDescription(
                                        "Fargate pod execution role", spec.clusterName()))
                                .tags(tags(spec)))
                    .role())
        .describe(() -> iam.getRole(r -> r.roleName(spec.roleName())).role())
        .differences(PodExecutionRoleCreation::differences)
        .build();
  }

  /**
   * The ARN of the role of that name when it is ready for Fargate as it is (path {@code /}, trusts
   * Fargate's pods, the managed policy attached), so that nothing needs making; reads only.
   */
  public static Optional<String> readyArn(IamClient iam, String roleName) {
    return AwsErrors.absentAsEmpty(() -> Optional.of(iam.getRole(r -> r.roleName(roleName)).role()))
        .filter(role -> differences(role).isEmpty())
        .filter(role -> attached(iam, roleName, policyArn(role.arn().split(":", 6))))
        .map(Role::arn);
  }

  /** {@code arn} split at its first five colons: the managed policy in its partition. */
  private static String policyArn(String[] arn) {
    return "arn:" + arn[1] + ":iam::aws:policy/" + MANAGED_POLICY;
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
    "Condition":{"ArnLike":{"aws:SourceArn":"%s"}}}]}\
    """
        .formatted(PRINCIPAL, sourceArn);
  }

  /** Where an existing role of the name differs from what Fargate needs of it. */
  private static List<FieldDifference> differences(Role existing) {
    String trust = URLDecoder.decode(existing.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
    List<FieldDifference> diff = new ArrayList<>();
    if (!"/".equals(existing.path())) {
      diff.add(new FieldDifference("path", "/", existing.path()));
    }
    if (!trust.contains(PRINCIPAL)) {
      diff.add(new FieldDifference("trust policy", "trusts " + PRINCIPAL, trust));
    }
    return diff;
  }

  private static boolean attached(IamClient iam, String roleName, String policyArn) {
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    iam
                        .listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                        .attachedPolicies()
                        .stream()
                        .anyMatch(policy -> policyArn.equals(policy.policyArn()))))
        .orElse(false);
  }

  private static List<Tag> tags(PodExecutionRoleSpec spec) {
    return Tags.forCluster(spec.clusterName(), spec.tags()).entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
        .toList();
  }

  private static String cleanup(PodExecutionRoleSpec spec) {
    return "delete IAM role " + spec.roleName() + " (detach " + MANAGED_POLICY + " from it first)";
  }
}
