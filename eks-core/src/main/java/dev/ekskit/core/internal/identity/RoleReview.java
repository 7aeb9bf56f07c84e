package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.WorkloadRoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * A role spec against the role of that name, read only: what a create would adopt, and what it
 * would attach or refuse.
 */
public final class RoleReview {
  /**
   * A role of the spec's name.
   *
   * @param arn its ARN
   * @param differences what makes it not adoptable (owner, path, boundary, trust, ekskit's tags)
   * @param missingPolicies the policies a create would attach or put, by name
   */
  public record Found(String arn, List<FieldDifference> differences, List<String> missingPolicies) {
    public Found {
      differences = List.copyOf(differences);
      missingPolicies = List.copyOf(missingPolicies);
    }
  }

  private static final String IRSA_PURPOSE = RolePlans.IRSA_PURPOSE;

  private RoleReview() {}

  public static Optional<Found> cluster(IamClient iam, ClusterRoleSpec spec) {
    return of(iam, RolePlans.cluster(spec));
  }

  public static Optional<Found> node(IamClient iam, NodeRoleSpec spec) {
    return of(iam, RolePlans.node(spec));
  }

  public static Optional<Found> irsa(
      IamClient iam, ServiceAccountRoleSpec spec, String providerArn, String issuerUrl) {
    return of(iam, RolePlans.irsa(spec, providerArn, OidcProviders.hostAndPath(issuerUrl)));
  }

  public static Optional<Found> podIdentity(
      IamClient iam, PodIdentityAssociationSpec spec, WorkloadRoleSpec role) {
    return of(iam, RolePlans.podIdentity(spec, role));
  }

  /** Whether a role of that name exists. */
  public static boolean exists(IamClient iam, String roleName) {
    return IamRoles.find(iam, roleName).isPresent();
  }

  /** The IRSA roles ekskit made for {@code cluster}'s service accounts, with their tags. */
  public static Map<String, Map<String, String>> irsaRoles(IamClient iam, String cluster) {
    Map<String, Map<String, String>> roles = new TreeMap<>();
    IamRoles.madeFor(iam, cluster, description -> description.contains(IRSA_PURPOSE))
        .forEach(
            name -> IamRoles.find(iam, name).ifPresent(r -> roles.put(name, IamRoles.tags(r))));
    return roles;
  }

  private static Optional<Found> of(IamClient iam, RolePlan plan) {
    return IamRoles.find(iam, plan.name()).map(role -> found(iam, plan, role));
  }

  private static Found found(IamClient iam, RolePlan plan, Role role) {
    String partition = role.arn().split(":", 3)[1];
    List<String> attached =
        iam
            .listAttachedRolePoliciesPaginator(r -> r.roleName(role.roleName()))
            .attachedPolicies()
            .stream()
            .map(AttachedPolicy::policyArn)
            .toList();
    List<String> missing =
        plan.managedPolicies().stream()
            .map(policy -> RolePlan.policyArn(policy, partition))
            .filter(arn -> !attached.contains(arn))
            .map(RolePlan::policyName)
            .toList();
    if (plan.inlinePolicy().isPresent()
        && !iam.listRolePoliciesPaginator(r -> r.roleName(role.roleName())).policyNames().stream()
            .anyMatch(RolePlan.INLINE_POLICY_NAME::equals)) {
      missing = new ArrayList<>(missing);
      missing.add(RolePlan.INLINE_POLICY_NAME + " (inline)");
    }
    return new Found(role.arn(), IamRoles.differences(plan, role), missing);
  }
}
