package dev.ekskit.fargate.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileIssue;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;

/** Between ekskit's Fargate types and the SDK's. Pure functions. */
public final class ProfileMapping {
  private ProfileMapping() {}

  public static ResourceRef ref(String clusterName, String profileName) {
    return ResourceRef.child("fargate-profile", clusterName, profileName);
  }

  public static CreateFargateProfileRequest createRequest(
      FargateProfileSpec spec, String clientRequestToken) {
    return CreateFargateProfileRequest.builder()
        .clusterName(spec.clusterName())
        .fargateProfileName(spec.name())
        .podExecutionRoleArn(role(spec))
        .subnets(spec.subnetIds())
        .selectors(
            spec.selectors().stream()
                .map(
                    s ->
                        FargateProfileSelector.builder()
                            .namespace(s.namespace())
                            .labels(s.labels())
                            .build())
                .toList())
        .tags(Tags.forCluster(spec.clusterName(), spec.tags()))
        .clientRequestToken(clientRequestToken)
        .build();
  }

  public static FargateProfileInfo info(FargateProfile profile) {
    return new FargateProfileInfo(
        profile.clusterName(),
        profile.fargateProfileName(),
        profile.fargateProfileArn(),
        profile.statusAsString(),
        profile.podExecutionRoleArn(),
        profile.subnets(),
        selectors(profile),
        profile.tags());
  }

  public static List<HealthIssue> healthIssues(FargateProfile profile) {
    if (profile.health() == null) {
      return List.of();
    }
    return HealthIssues.of(
        profile.health().issues(),
        FargateProfileIssue::codeAsString,
        FargateProfileIssue::message,
        FargateProfileIssue::resourceIds);
  }

  /** What differs between the spec and an existing profile of its name; empty means adoptable. */
  public static List<FieldDifference> diff(FargateProfileSpec spec, FargateProfile existing) {
    List<FieldDifference> diff = new ArrayList<>();
    if (!role(spec).equals(existing.podExecutionRoleArn())) {
      diff.add(
          new FieldDifference("podExecutionRoleArn", role(spec), existing.podExecutionRoleArn()));
    }
    if (!new HashSet<>(spec.subnetIds()).equals(new HashSet<>(existing.subnets()))) {
      diff.add(
          new FieldDifference(
              "subnetIds", String.valueOf(spec.subnetIds()), String.valueOf(existing.subnets())));
    }
    if (!new HashSet<>(spec.selectors()).equals(new HashSet<>(selectors(existing)))) {
      diff.add(
          new FieldDifference(
              "selectors", String.valueOf(spec.selectors()), String.valueOf(selectors(existing))));
    }
    return diff;
  }

  /** The role of a spec that is complete: checked on its own, or filled in by its blueprint. */
  private static String role(FargateProfileSpec spec) {
    return spec.podExecutionRoleArn()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "profile " + spec.name() + ": its pod execution role was not resolved"));
  }

  private static List<FargateSelector> selectors(FargateProfile profile) {
    return profile.selectors().stream()
        .map(s -> FargateSelector.of(s.namespace(), s.labels()))
        .toList();
  }
}
