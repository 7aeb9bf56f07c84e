package dev.ekskit.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An access entry as EKS last described it, with its access policies.
 *
 * @param cluster the cluster
 * @param principalArn the IAM role or user
 * @param type {@code STANDARD}, or a node type such as {@code EC2_LINUX}
 * @param username its Kubernetes username
 * @param kubernetesGroups its Kubernetes groups
 * @param accessPolicies the access policies associated with it
 * @param arn the access entry's ARN
 * @param tags its tags, ekskit's own included
 * @param createdAt when EKS created it
 * @param modifiedAt when it last changed
 */
public record AccessEntryInfo(
    String cluster,
    String principalArn,
    String type,
    String username,
    List<String> kubernetesGroups,
    List<AccessPolicyAssociation> accessPolicies,
    String arn,
    Map<String, String> tags,
    Instant createdAt,
    Instant modifiedAt) {

  public AccessEntryInfo {
    kubernetesGroups = List.copyOf(kubernetesGroups);
    accessPolicies = List.copyOf(accessPolicies);
    tags = Map.copyOf(tags);
  }
}
