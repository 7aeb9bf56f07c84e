package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Makes a role as parts, one after another: create-or-adopt the role (IAM's {@code
 * EntityAlreadyExists} after a lost answer or a crash means it is there: adopted when it is
 * ekskit's and matches), then attach each managed policy, then put the inline policy; attaching or
 * putting twice is harmless. Policy ARNs take the partition of the role's own ARN. A failure once
 * the role exists names every part in a {@link dev.ekskit.core.PartialCreationException}.
 */
final class RoleCreation {
  private final Scope scope;
  private final IamClient iam;
  private final RolePlan plan;
  private final Parts parts;

  private RoleCreation(Scope scope, IamClient iam, RolePlan plan, Parts parts) {
    this.scope = scope;
    this.iam = iam;
    this.plan = plan;
    this.parts = parts;
  }

  /**
   * Runs as work of {@code scope}, whose events then name the role; {@code parts} collects what
   * exists for the operation's {@link dev.ekskit.core.PartialCreationException}.
   */
  static CompletableFuture<RoleInfo> run(
      Scope scope, IamClient iam, RolePlan plan, Parts parts, String cleanup) {
    Scope own = scope.resource().equals(plan.ref()) ? scope : scope.child(plan.ref());
    return new RoleCreation(own, iam, plan, parts).run(cleanup);
  }

  private CompletableFuture<RoleInfo> run(String cleanup) {
    // No existence check after the role failed: a role refused as different is not ours to report.
    return parts
        .make(plan.ref(), null, () -> role(cleanup).run(scope))
        .thenCompose(made -> attachAll(made.resource().arn().split(":", 3)[1]))
        .thenCompose(attached -> putInlinePolicy())
        .thenCompose(
            done ->
                scope.call(
                    "describe role",
                    () -> IamRoles.info(iam, IamRoles.find(iam, plan.name()).orElseThrow())));
  }

  private CreateOrAdopt<Role> role(String cleanup) {
    return CreateOrAdopt.<Role>builder(plan.ref())
        .what("the IAM role " + plan.name())
        .cleanup(cleanup)
        .steps("create role", "adopt role")
        .create(
            () ->
                iam.createRole(
                        r ->
                            r.roleName(plan.name())
                                .path(plan.path())
                                .assumeRolePolicyDocument(plan.trustPolicy())
                                .description(plan.description())
                                .permissionsBoundary(plan.permissionsBoundaryArn().orElse(null))
                                .tags(tags()))
                    .role())
        .describe(() -> iam.getRole(r -> r.roleName(plan.name())).role())
        .differences(existing -> IamRoles.differences(plan, existing))
        .build();
  }

  private CompletableFuture<List<String>> attachAll(String partition) {
    List<String> arns =
        plan.managedPolicies().stream().map(p -> RolePlan.policyArn(p, partition)).toList();
    return scope.sequence(
        arns,
        arn ->
            parts.make(
                part(RolePlan.policyName(arn)),
                () -> attached(arn),
                () ->
                    scope.call(
                        "attach " + RolePlan.policyName(arn),
                        () -> {
                          iam.attachRolePolicy(r -> r.roleName(plan.name()).policyArn(arn));
                          return arn;
                        })));
  }

  private CompletableFuture<Boolean> putInlinePolicy() {
    if (plan.inlinePolicy().isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    String document = plan.inlinePolicy().get();
    return parts.make(
        part(RolePlan.INLINE_POLICY_NAME),
        this::hasInlinePolicy,
        () ->
            scope.call(
                "put " + RolePlan.INLINE_POLICY_NAME,
                () -> {
                  iam.putRolePolicy(
                      r ->
                          r.roleName(plan.name())
                              .policyName(RolePlan.INLINE_POLICY_NAME)
                              .policyDocument(document));
                  return true;
                }));
  }

  private ResourceRef part(String policyName) {
    return new ResourceRef("iam-role-policy", plan.name() + "/" + policyName);
  }

  private boolean attached(String policyArn) {
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    iam
                        .listAttachedRolePoliciesPaginator(r -> r.roleName(plan.name()))
                        .attachedPolicies()
                        .stream()
                        .anyMatch(p -> policyArn.equals(p.policyArn()))))
        .orElse(false);
  }

  private boolean hasInlinePolicy() {
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    iam
                        .listRolePoliciesPaginator(r -> r.roleName(plan.name()))
                        .policyNames()
                        .stream()
                        .anyMatch(RolePlan.INLINE_POLICY_NAME::equals)))
        .orElse(false);
  }

  private List<Tag> tags() {
    return plan.tags().entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
        .toList();
  }
}
