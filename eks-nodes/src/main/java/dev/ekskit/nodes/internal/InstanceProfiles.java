package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The instance profile that hands the node role to EC2 instances: one per node group, named like
 * it, holding only the node role, tagged so that a delete finds it on its own. Blocking calls, each
 * safe to repeat; IAM's "already there" answers count as done.
 */
public final class InstanceProfiles {
  private InstanceProfiles() {}

  /** The role name of a role ARN: its last path segment. */
  public static String roleName(String roleArn) {
    return roleArn.substring(roleArn.lastIndexOf('/') + 1);
  }

  /**
   * Creates the profile, or adopts the one ekskit made earlier; one that ekskit did not make, or
   * that holds another role, is a conflict.
   */
  public static CreateOrAdopt<InstanceProfile> createOrAdopt(
      IamClient iam,
      ResourceRef ref,
      String name,
      String roleArn,
      Map<String, String> tags,
      String cleanup) {
    return CreateOrAdopt.<InstanceProfile>builder(ref)
        .what("the instance profile " + name)
        .cleanup(cleanup)
        .steps("create instance profile", "adopt instance profile")
        .create(
            () ->
                iam.createInstanceProfile(
                        r -> r.instanceProfileName(name).path("/").tags(iamTags(tags)))
                    .instanceProfile())
        .describe(() -> get(iam, name).orElseThrow())
        .differences(existing -> differences(existing, roleArn))
        .build();
  }

  /**
   * Puts the node role in the profile unless it is there. After a lost answer the role is in
   * already, and IAM answers a second add with {@code LimitExceeded} (a profile holds one role):
   * read as "it is there" once the profile shows the role.
   */
  public static void addRole(IamClient iam, ResourceRef ref, String name, String roleArn) {
    if (roles(iam, name).contains(roleArn)) {
      return;
    }
    try {
      iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(roleName(roleArn)));
    } catch (RuntimeException e) {
      if (!"LimitExceeded".equals(AwsErrors.errorCode(e)) && !AwsErrors.saysItExists(e)) {
        throw e;
      }
      List<String> roles = roles(iam, name);
      if (!roles.contains(roleArn)) {
        throw new ConflictException(
            ref,
            List.of(
                new FieldDifference(
                    "instance profile role", roleArn, roles.isEmpty() ? "none" : roles.get(0))),
            e);
      }
    }
  }

  public static Optional<InstanceProfile> get(IamClient iam, String name) {
    return AwsErrors.absentAsEmpty(
        () ->
            Optional.of(
                iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile()));
  }

  /** The role ARNs in the profile; empty when there is no profile. */
  public static List<String> roles(IamClient iam, String name) {
    return get(iam, name).map(p -> p.roles().stream().map(Role::arn).toList()).orElse(List.of());
  }

  /**
   * The node groups of {@code cluster} whose instance profiles ekskit made, found by name prefix
   * and tags (IAM lists no tags, so each candidate is read).
   */
  public static List<String> nodegroupsOf(IamClient iam, String cluster) {
    List<String> nodegroups = new ArrayList<>();
    iam.listInstanceProfilesPaginator(r -> r.pathPrefix("/")).instanceProfiles().stream()
        .map(InstanceProfile::instanceProfileName)
        .filter(name -> name.startsWith(cluster + "-"))
        .forEach(
            name ->
                get(iam, name)
                    .map(InstanceProfiles::tagMap)
                    .filter(Tags::isManagedByEksKit)
                    .filter(tags -> cluster.equals(tags.get(Tags.CLUSTER)))
                    .map(tags -> tags.get(NodeTags.NODEGROUP))
                    .ifPresent(nodegroups::add));
    return nodegroups;
  }

  /**
   * Takes the roles out and deletes the profile; false when there was no profile or ekskit did not
   * make it. Each call treats "not there" as done, so a stopped delete finishes when run again.
   */
  public static boolean delete(IamClient iam, String name) {
    Optional<InstanceProfile> profile = get(iam, name);
    if (profile.isEmpty() || !Tags.isManagedByEksKit(tagMap(profile.get()))) {
      return false;
    }
    for (Role role : profile.get().roles()) {
      ignoreNotFound(
          () ->
              iam.removeRoleFromInstanceProfile(
                  r -> r.instanceProfileName(name).roleName(role.roleName())));
    }
    return ignoreNotFound(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName(name)));
  }

  private static List<FieldDifference> differences(InstanceProfile existing, String roleArn) {
    if (!Tags.isManagedByEksKit(tagMap(existing))) {
      return List.of(
          new FieldDifference(
              "instance profile owner", "ekskit", "a profile ekskit did not create"));
    }
    List<String> roles = existing.roles().stream().map(Role::arn).toList();
    return roles.isEmpty() || roles.contains(roleArn)
        ? List.of()
        : List.of(new FieldDifference("instance profile role", roleArn, roles.get(0)));
  }

  private static List<Tag> iamTags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
        .toList();
  }

  private static Map<String, String> tagMap(InstanceProfile profile) {
    return profile.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
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
