package dev.ekskit.fargate.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.fargate.FargateProfileSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;

/**
 * A blueprint's profile against what EKS has, reading only: the spec completed from the blueprint
 * (the network's private subnets, the role it makes, its tag), the profile found, and what applying
 * it would do. EKS changes nothing of a profile in place, so any difference but tags means a
 * replacement; so does a profile that will not become ACTIVE (CREATE_FAILED, DELETING,
 * DELETE_FAILED).
 *
 * @param complete the spec as apply creates it; its role is unknown until the cluster exists
 * @param found the profile of that name, if there is one
 * @param change what applying it does
 */
record ProfileReview(
    FargateProfileSpec complete, Optional<FargateProfile> found, PlannedChange change) {
  static final String KIND = "fargate profile";

  /**
   * Reviews {@code part}. Throws {@link dev.ekskit.core.InvalidSpecException} when a subnet is
   * missing or public, so that an apply stops before its first change.
   */
  static ProfileReview of(
      EksClient eks, Ec2Client ec2, FargateProfileSpec part, BlueprintContext blueprint) {
    List<String> subnets =
        part.subnetIds().isEmpty() ? blueprint.privateSubnetIds() : part.subnetIds();
    if (!subnets.isEmpty()) {
      PrivateSubnets.require(ec2, subnets);
    }
    FargateProfileSpec complete =
        part.toBuilder()
            .subnetIds(subnets)
            .podExecutionRoleArn(
                part.podExecutionRoleArn().or(() -> blueprint.cluster().map(BlueprintPodRole::arn)))
            .tags(blueprint.tags(part.tags()))
            .build();
    String note = note(part, subnets, blueprint.clusterName());
    Optional<FargateProfile> found =
        blueprint.cluster().isEmpty()
            ? Optional.empty()
            : find(eks, blueprint.clusterName(), part.name());
    if (found.isEmpty()) {
      return new ProfileReview(complete, found, PlannedChange.create(KIND, part.name(), note));
    }
    List<FieldDifference> differences = new ArrayList<>(ProfileMapping.diff(complete, found.get()));
    String status = found.get().statusAsString();
    if (ProfileCreation.STUCK.contains(status)) {
      differences.add(new FieldDifference("status", "ACTIVE", status));
    }
    return new ProfileReview(
        complete, found, PlannedChange.compare(KIND, part.name(), differences, Set.of(), note));
  }

  /** The profile of that name, or empty when it (or its cluster) does not exist. */
  static Optional<FargateProfile> find(EksClient eks, String cluster, String name) {
    return AwsErrors.absentAsEmpty(
        () ->
            Optional.of(
                eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                    .fargateProfile()));
  }

  boolean isActive() {
    return found.filter(profile -> "ACTIVE".equals(profile.statusAsString())).isPresent();
  }

  /** The role and subnets the profile gets, e.g. {@code role orders-fargate-pods (made), ...}. */
  private static String note(FargateProfileSpec part, List<String> subnets, String cluster) {
    String role =
        part.podExecutionRoleArn()
            .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
            .orElseGet(() -> BlueprintPodRole.name(cluster) + " (made)");
    String where =
        subnets.isEmpty()
            ? "the network's private subnets"
            : "subnets " + String.join(", ", subnets);
    return "role " + role + ", " + where;
  }
}
