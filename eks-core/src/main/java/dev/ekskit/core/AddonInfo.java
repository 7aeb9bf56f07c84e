package dev.ekskit.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonStatus;

/**
 * An add-on as EKS last described it. {@code toString()} leaves out the configuration values, which
 * may hold secrets.
 *
 * @param cluster the cluster it belongs to
 * @param name e.g. {@code coredns}
 * @param version e.g. {@code v1.11.4-eksbuild.2}
 * @param statusAsString e.g. {@code ACTIVE}, {@code DEGRADED}, {@code CREATING}
 * @param configurationValues the JSON configuration, empty when EKS's defaults apply
 * @param serviceAccountRoleArn the IRSA role of its service account, if any
 * @param podIdentityAssociationArns the Pod Identity associations EKS made for it
 * @param healthIssues what EKS reports wrong with it, usually empty
 * @param tags its tags, ekskit's own included
 * @param createdAt when EKS created it
 * @param modifiedAt when it last changed
 * @param sdkAddon everything else, as the AWS SDK returned it
 */
public record AddonInfo(
    String cluster,
    String name,
    String version,
    String statusAsString,
    Optional<String> configurationValues,
    Optional<String> serviceAccountRoleArn,
    List<String> podIdentityAssociationArns,
    List<HealthIssue> healthIssues,
    Map<String, String> tags,
    Instant createdAt,
    Instant modifiedAt,
    Addon sdkAddon) {
  /** The status as a value of the SDK's enum; {@code UNKNOWN_TO_SDK_VERSION} for a newer one. */
  public AddonStatus status() {
    return AddonStatus.fromValue(statusAsString);
  }

  public AddonInfo {
    podIdentityAssociationArns = List.copyOf(podIdentityAssociationArns);
    healthIssues = List.copyOf(healthIssues);
    tags = Map.copyOf(tags);
  }

  public boolean isActive() {
    return status() == AddonStatus.ACTIVE;
  }

  @Override
  public String toString() {
    return "AddonInfo[cluster="
        + cluster
        + ", name="
        + name
        + ", version="
        + version
        + ", status="
        + statusAsString
        + ", healthIssues="
        + healthIssues
        + "]";
  }
}
