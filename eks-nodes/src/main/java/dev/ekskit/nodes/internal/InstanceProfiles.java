package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.Tags;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The instance profile that hands the node role to EC2 instances: one per node group, named like
 * it, holding only the node role. Blocking calls, each safe to repeat.
 */
public final class InstanceProfiles {
  private InstanceProfiles() {}

  /** The role name of a role ARN: its last path segment. */
  public static String roleName(String roleArn) {
    return roleArn.substring(roleArn.lastIndexOf('/') + 1);
  }

  /**
   * Creates the profile (or finds the one ekskit made earlier) and puts the role in it; returns its
   * ARN. A profile of that name that ekskit did not make, or that holds another role, is a
   * conflict.
   */
  public static String createOrAdopt(
      IamClient iam, ResourceRef ref, String name, String roleArn, Map<String, String> tags) {
    InstanceProfile profile;
    try {
      profile =
          iam.createInstanceProfile(
                  r ->
                      r.instanceProfileName(name)
                          .path("/")
                          .tags(
                              Tags.withOwnership(tags).entrySet().stream()
                                  .map(
                                      t ->
                                          Tag.builder().key(t.getKey()).value(t.getValue()).build())
                                  .toList()))
              .instanceProfile();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.IN_USE)) {
        throw e;
      }
      profile = iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
      requireOurs(ref, profile, roleArn, e);
    }
    if (profile.roles().isEmpty()) {
      iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(roleName(roleArn)));
    }
    return profile.arn();
  }

  /** The role ARNs in the profile; empty when there is no profile. */
  public static List<String> roles(IamClient iam, String name) {
    try {
      return iam
          .getInstanceProfile(r -> r.instanceProfileName(name))
          .instanceProfile()
          .roles()
          .stream()
          .map(Role::arn)
          .toList();
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return List.of();
      }
      throw e;
    }
  }

  /**
   * Takes the role out and deletes the profile; false when there was no profile or ekskit did not
   * make it.
   */
  public static boolean delete(IamClient iam, String name) {
    InstanceProfile profile;
    try {
      profile = iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
    if (!Tags.isManagedByEksKit(tagMap(profile))) {
      return false;
    }
    for (Role role : profile.roles()) {
      ignoreNotFound(
          () ->
              iam.removeRoleFromInstanceProfile(
                  r -> r.instanceProfileName(name).roleName(role.roleName())));
    }
    return ignoreNotFound(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName(name)));
  }

  private static void requireOurs(
      ResourceRef ref, InstanceProfile profile, String roleArn, RuntimeException exists) {
    if (!Tags.isManagedByEksKit(tagMap(profile))) {
      throw new ConflictException(
          ref,
          List.of(
              new FieldDifference(
                  "instance profile owner", "ekskit", "a profile ekskit did not create")),
          exists);
    }
    List<String> roles = profile.roles().stream().map(Role::arn).toList();
    if (!roles.isEmpty() && !roles.contains(roleArn)) {
      throw new ConflictException(
          ref,
          List.of(new FieldDifference("instance profile role", roleArn, roles.get(0))),
          exists);
    }
  }

  private static Map<String, String> tagMap(InstanceProfile profile) {
    return profile.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
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
