package dev.ekskit.core.internal.identity;

import dev.ekskit.core.DeletionRefusedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Deletes a role ekskit made: detach its managed policies, delete its inline policies, delete it. A
 * role ekskit did not make, or one an instance profile still holds (profiles are not this delete's
 * to touch), is refused with a {@link DeletionRefusedException} before anything changes. Every call
 * treats "not there" as done, so a delete stopped halfway finishes when run again.
 */
public final class RoleDeletion {
  private RoleDeletion() {}

  /** Completes with true when this run deleted the role, false when there was none. */
  public static CompletableFuture<Boolean> run(Scope parent, IamClient iam, String name) {
    ResourceRef ref = IamRoles.ref(name);
    Scope scope = parent.resource().equals(ref) ? parent : parent.child(ref);
    return scope
        .call(
            Steps.find("role"), () -> IamRoles.find(iam, name).map(role -> requireOurs(ref, role)))
        .thenCompose(
            found ->
                found.isEmpty()
                    ? CompletableFuture.completedFuture(false)
                    : scope
                        .call(Steps.check("instance profiles"), () -> requireUnheld(iam, ref, name))
                        .thenCompose(
                            free -> scope.call("detach policies", () -> detachAll(iam, name)))
                        .thenCompose(
                            detached ->
                                scope.call(
                                    "delete inline policies", () -> deleteInlineAll(iam, name)))
                        .thenCompose(
                            emptied ->
                                scope.call(
                                    Steps.DELETE,
                                    () ->
                                        ignoreNotFound(
                                            () -> iam.deleteRole(r -> r.roleName(name)))))
                        .thenApply(deleted -> true));
  }

  private static Role requireOurs(ResourceRef ref, Role role) {
    if (!Tags.isManagedByEksKit(IamRoles.tags(role))) {
      throw new DeletionRefusedException(ref, "ekskit did not create it", List.of());
    }
    return role;
  }

  private static boolean requireUnheld(IamClient iam, ResourceRef ref, String name) {
    List<String> profiles =
        iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles().stream()
            .map(InstanceProfile::instanceProfileName)
            .toList();
    if (!profiles.isEmpty()) {
      throw new DeletionRefusedException(
          ref, "instance profiles hold it; remove it from them first", profiles);
    }
    return true;
  }

  private static boolean detachAll(IamClient iam, String name) {
    List<String> arns =
        iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream()
            .map(AttachedPolicy::policyArn)
            .toList();
    arns.forEach(
        arn -> ignoreNotFound(() -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(arn))));
    return true;
  }

  private static boolean deleteInlineAll(IamClient iam, String name) {
    List<String> policies =
        iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream().toList();
    policies.forEach(
        policy ->
            ignoreNotFound(() -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy))));
    return true;
  }

  private static boolean ignoreNotFound(Runnable call) {
    try {
      call.run();
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }
}
