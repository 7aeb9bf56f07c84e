package dev.ekskit.core;

import java.util.Map;

/**
 * A Pod Identity association as EKS last described it.
 *
 * @param clusterName the cluster
 * @param namespace the service account's namespace
 * @param serviceAccount the service account
 * @param associationId EKS's id, e.g. {@code a-0a1b2c3d4e5f60718}
 * @param associationArn its ARN
 * @param roleArn the role the service account's pods get
 * @param tags its tags, including ekskit's own
 */
public record PodIdentityAssociationInfo(
    String clusterName,
    String namespace,
    String serviceAccount,
    String associationId,
    String associationArn,
    String roleArn,
    Map<String, String> tags) {

  public PodIdentityAssociationInfo {
    tags = Map.copyOf(tags);
  }
}
