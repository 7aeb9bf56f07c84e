package dev.ekskit.core.internal.identity;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Reading IAM roles: one by name, as {@link RoleInfo}, or every role ekskit made for a cluster. */
public final class IamRoles {
  private IamRoles() {}

  public static ResourceRef ref(String roleName) {
    return new ResourceRef("iam-role", roleName);
  }

  /** The role with its tags, or empty when there is none of that name. */
  public static Optional<Role> find(IamClient iam, String name) {
    return AwsErrors.absentAsEmpty(() -> Optional.of(iam.getRole(r -> r.roleName(name)).role()));
  }

  /** The role with its policies, or empty when there is none of that name. */
  public static Optional<RoleInfo> describe(IamClient iam, String name) {
    return find(iam, name).map(role -> info(iam, role));
  }

  static RoleInfo info(IamClient iam, Role role) {
    List<String> managed =
        iam
            .listAttachedRolePoliciesPaginator(r -> r.roleName(role.roleName()))
            .attachedPolicies()
            .stream()
            .map(AttachedPolicy::policyArn)
            .toList();
    List<String> inline =
        iam.listRolePoliciesPaginator(r -> r.roleName(role.roleName())).policyNames().stream()
            .toList();
    return new RoleInfo(
        role.roleName(),
        role.arn(),
        role.path(),
        boundary(role).orElse(""),
        managed,
        inline,
        tags(role));
  }

  static Map<String, String> tags(Role role) {
    return role.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
  }

  static Optional<String> boundary(Role role) {
    return Optional.ofNullable(role.permissionsBoundary()).map(b -> b.permissionsBoundaryArn());
  }

  /**
   * The names of the roles ekskit made for {@code cluster} whose description {@code purpose}
   * accepts. IAM lists roles without tags, so the description (which names the cluster) picks the
   * candidates and each candidate's tags decide: ekskit's, and made for this cluster.
   */
  static List<String> madeFor(IamClient iam, String cluster, Predicate<String> purpose) {
    TreeSet<String> names = new TreeSet<>();
    iam.listRolesPaginator(r -> r.pathPrefix("/")).roles().stream()
        .filter(role -> Tags.describesRoleFor(role.description(), cluster))
        .filter(role -> purpose.test(role.description()))
        .forEach(
            listed ->
                find(iam, listed.roleName())
                    .map(IamRoles::tags)
                    .filter(Tags::isManagedByEksKit)
                    .filter(tags -> cluster.equals(tags.get(Tags.CLUSTER)))
                    .ifPresent(tags -> names.add(listed.roleName())));
    return List.copyOf(names);
  }

  /**
   * Where an existing role of the plan's name differs from it: a role ekskit did not make is never
   * adopted, nor one made for another cluster or service account.
   */
  static List<FieldDifference> differences(RolePlan plan, Role existing) {
    Map<String, String> tags = tags(existing);
    if (!Tags.isManagedByEksKit(tags)) {
      return List.of(
          new FieldDifference(
              "role owner",
              "ekskit",
              "a role ekskit did not create; pass its ARN instead, or choose another name"));
    }
    List<FieldDifference> diff = new ArrayList<>();
    new TreeSet<>(ekskitKeys(plan.tags(), tags))
        .forEach(
            key -> {
              String wanted = plan.tags().getOrDefault(key, "none");
              String actual = tags.getOrDefault(key, "none");
              if (!wanted.equals(actual)) {
                diff.add(new FieldDifference("tags[" + key + "]", wanted, actual));
              }
            });
    if (!plan.path().equals(existing.path())) {
      diff.add(new FieldDifference("path", plan.path(), existing.path()));
    }
    String wantedBoundary = plan.permissionsBoundaryArn().orElse("none");
    String actualBoundary = boundary(existing).orElse("none");
    if (!wantedBoundary.equals(actualBoundary)) {
      diff.add(new FieldDifference("permissionsBoundaryArn", wantedBoundary, actualBoundary));
    }
    String trust = Trust.decoded(existing.assumeRolePolicyDocument());
    plan.trustMarkers().stream()
        .filter(marker -> !trust.contains(marker))
        .forEach(marker -> diff.add(new FieldDifference("trust policy", "names " + marker, trust)));
    return diff;
  }

  private static List<String> ekskitKeys(Map<String, String> wanted, Map<String, String> actual) {
    List<String> keys = new ArrayList<>();
    wanted.keySet().forEach(keys::add);
    actual.keySet().forEach(keys::add);
    return keys.stream()
        .filter(key -> key.startsWith(Tags.PREFIX))
        .filter(key -> !Objects.equals(key, Tags.MANAGED_BY))
        // Which blueprint holds a role is not what the role is: a blueprint adopts ekskit's roles.
        .filter(key -> !Objects.equals(key, Tags.BLUEPRINT))
        .toList();
  }
}
