package dev.ekskit.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterStatus;

/**
 * A cluster as EKS last described it.
 *
 * @param name cluster name
 * @param arn cluster ARN
 * @param statusAsString e.g. {@code ACTIVE}, {@code CREATING}
 * @param kubernetesVersion e.g. {@code 1.33}
 * @param platformVersion e.g. {@code eks.5}
 * @param endpoint API server URL; empty until the cluster is ACTIVE
 * @param certificateAuthorityData base64 PEM of the cluster CA; empty until ACTIVE
 * @param createdAt when EKS created it
 * @param tags the cluster's tags, including ekskit's own
 * @param healthIssues health issues EKS reports, usually empty
 * @param sdkCluster everything else, as the AWS SDK returned it
 */
public record ClusterInfo(
    String name,
    String arn,
    String statusAsString,
    String kubernetesVersion,
    String platformVersion,
    String endpoint,
    String certificateAuthorityData,
    Instant createdAt,
    Map<String, String> tags,
    List<HealthIssue> healthIssues,
    Cluster sdkCluster) {
  /** The status as a value of the SDK's enum; {@code UNKNOWN_TO_SDK_VERSION} for a newer one. */
  public ClusterStatus status() {
    return ClusterStatus.fromValue(statusAsString);
  }

  public ClusterInfo {
    tags = Map.copyOf(tags);
    healthIssues = List.copyOf(healthIssues);
  }

  public boolean isActive() {
    return status() == ClusterStatus.ACTIVE;
  }
}
