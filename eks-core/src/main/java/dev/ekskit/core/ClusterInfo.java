package dev.ekskit.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * A cluster as EKS last described it.
 *
 * @param name cluster name
 * @param arn cluster ARN
 * @param status e.g. {@code ACTIVE}, {@code CREATING}
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
    String status,
    String kubernetesVersion,
    String platformVersion,
    String endpoint,
    String certificateAuthorityData,
    Instant createdAt,
    Map<String, String> tags,
    List<HealthIssue> healthIssues,
    Cluster sdkCluster) {

  public ClusterInfo {
    tags = Map.copyOf(tags);
    healthIssues = List.copyOf(healthIssues);
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }
}
