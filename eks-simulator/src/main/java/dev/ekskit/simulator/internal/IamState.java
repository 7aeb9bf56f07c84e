package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * IAM roles and instance profiles of the simulated account. A role added to a profile becomes
 * visible to EC2 launches only after a drawn delay, as IAM's eventual consistency makes it.
 */
public final class IamState {
  /**
   * A role: its trust policy, path, attached managed policy ARNs, inline policies, tags, and from
   * when EKS can assume it.
   */
  static final class Role {
    final String name;
    final String path;
    final String arn;
    final String trustPolicy;
    final Instant createdAt;
    final Set<String> policies = new LinkedHashSet<>();
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Map<String, String> tags;
    String description;
    String permissionsBoundary;
    Instant usableAt;

    Role(
        String name,
        String path,
        String arn,
        String trustPolicy,
        Instant at,
        Map<String, String> tags) {
      this.name = name;
      this.path = path;
      this.arn = arn;
      this.trustPolicy = trustPolicy;
      this.createdAt = at;
      this.tags = tags;
      this.usableAt = at;
    }
  }

  /** An instance profile: at most one role, and when EC2 can use it. */
  static final class Profile {
    final String name;
    final String path;
    final String arn;
    final Instant createdAt;
    final Map<String, String> tags;
    final List<String> roles = new ArrayList<>();
    Instant usableAt = Instant.MAX;

    Profile(String name, String path, String arn, Instant at, Map<String, String> tags) {
      this.name = name;
      this.path = path;
      this.arn = arn;
      this.createdAt = at;
      this.tags = tags;
    }
  }

  private final String accountId;
  private final Supplier<Instant> clock;
  private final DurationSampler durations;
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, Profile> profiles = new LinkedHashMap<>();

  public IamState(String accountId, Supplier<Instant> clock, DurationSampler durations) {
    this.accountId = accountId;
    this.clock = clock;
    this.durations = durations;
  }

  Role createRole(String name, String path, String trustPolicy, Map<String, String> tags) {
    return createRole(name, path, trustPolicy, tags, null, null);
  }

  Role createRole(
      String name,
      String path,
      String trustPolicy,
      Map<String, String> tags,
      String description,
      String permissionsBoundary) {
    requireName("roleName", name);
    if (roles.containsKey(name)) {
      throw alreadyExists("Role with name " + name + " already exists.");
    }
    String rolePath = path == null ? "/" : path;
    Role role =
        new Role(
            name,
            rolePath,
            "arn:aws:iam::" + accountId + ":role" + rolePath + name,
            trustPolicy,
            clock.get(),
            tags);
    role.description = description;
    role.permissionsBoundary = permissionsBoundary;
    roles.put(name, role);
    return role;
  }

  Role role(String name) {
    Role role = roles.get(name);
    if (role == null) {
      throw noSuchEntity("The role with name " + name + " cannot be found.");
    }
    return role;
  }

  void deleteRole(String name) {
    Role role = role(name);
    if (!role.policies.isEmpty()
        || !role.inlinePolicies.isEmpty()
        || profiles.values().stream().anyMatch(p -> p.roles.contains(name))) {
      throw Errors.iam(
          DeleteConflictException.builder(),
          409,
          "DeleteConflict",
          "Cannot delete entity, must detach all policies and remove it from all instance"
              + " profiles first.");
    }
    roles.remove(name);
  }

  /**
   * A role made through CreateRole: EKS can assume it only after a drawn delay, as IAM's eventual
   * consistency makes it.
   */
  Role propagating(Role role) {
    role.usableAt = role.createdAt.plus(durations.draw(Transition.ROLE_PROPAGATION));
    return role;
  }

  Supplier<Instant> clock() {
    return clock;
  }

  /** The role of an ARN, if this account has it. */
  Optional<Role> roleByArn(String arn) {
    return Optional.ofNullable(arn)
        .map(a -> roles.get(a.substring(a.lastIndexOf('/') + 1)))
        .filter(role -> role.arn.equals(arn));
  }

  /** The instance profiles that hold role {@code roleName}, oldest first. */
  List<Profile> profilesHolding(String roleName) {
    role(roleName);
    return profiles.values().stream().filter(p -> p.roles.contains(roleName)).toList();
  }

  Profile createProfile(String name, String path, Map<String, String> tags) {
    requireName("instanceProfileName", name);
    if (profiles.containsKey(name)) {
      throw alreadyExists("Instance Profile " + name + " already exists.");
    }
    String profilePath = path == null ? "/" : path;
    Profile profile =
        new Profile(
            name,
            profilePath,
            "arn:aws:iam::" + accountId + ":instance-profile" + profilePath + name,
            clock.get(),
            tags);
    profiles.put(name, profile);
    return profile;
  }

  Profile profile(String name) {
    Profile profile = profiles.get(name);
    if (profile == null) {
      throw noSuchEntity("Instance Profile " + name + " cannot be found.");
    }
    return profile;
  }

  /** Roles whose path starts with {@code pathPrefix} (null: every one), oldest first. */
  List<Role> roles(String pathPrefix) {
    Predicate<String> under = IamPaging.under(pathPrefix);
    return roles.values().stream().filter(r -> under.test(r.path)).toList();
  }

  /** Profiles whose path starts with {@code pathPrefix} (null: every one), oldest first. */
  List<Profile> profiles(String pathPrefix) {
    Predicate<String> under = IamPaging.under(pathPrefix);
    return profiles.values().stream().filter(p -> under.test(p.path)).toList();
  }

  void addRole(String profileName, String roleName) {
    Profile profile = profile(profileName);
    role(roleName);
    if (!profile.roles.isEmpty()) {
      throw Errors.iam(
          LimitExceededException.builder(),
          409,
          "LimitExceeded",
          "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    }
    profile.roles.add(roleName);
    profile.usableAt = clock.get().plus(durations.draw(Transition.PROFILE_PROPAGATION));
  }

  void removeRole(String profileName, String roleName) {
    Profile profile = profile(profileName);
    if (!profile.roles.remove(roleName)) {
      throw noSuchEntity("The role with name " + roleName + " is not in " + profileName + ".");
    }
    profile.usableAt = Instant.MAX;
  }

  void deleteProfile(String name) {
    if (!profile(name).roles.isEmpty()) {
      throw Errors.iam(
          DeleteConflictException.builder(),
          409,
          "DeleteConflict",
          "Cannot delete entity, must remove roles from instance profile first.");
    }
    profiles.remove(name);
  }

  /** The profile of an ARN or name, if EC2 can launch with it at {@code at}. */
  public boolean usableForLaunch(String arnOrName, Instant at) {
    String name = arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
    return Optional.ofNullable(profiles.get(name))
        .map(p -> !p.roles.isEmpty() && !at.isBefore(p.usableAt))
        .orElse(false);
  }

  private static void requireName(String field, String name) {
    if (name == null || !name.matches("[\\w+=,.@-]{1,128}")) {
      throw Errors.iam(
          IamException.builder(),
          400,
          "ValidationError",
          "1 validation error detected: Value at '" + field + "' failed to satisfy constraint");
    }
  }

  static AwsServiceException alreadyExists(String message) {
    return Errors.iam(EntityAlreadyExistsException.builder(), 409, "EntityAlreadyExists", message);
  }

  static AwsServiceException noSuchEntity(String message) {
    return Errors.iam(NoSuchEntityException.builder(), 404, "NoSuchEntity", message);
  }
}
