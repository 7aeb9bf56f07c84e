package dev.ekskit.core.internal.addons;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.spi.Hints;
import java.util.List;
import java.util.Map;

/** What to check for the health-issue codes EKS reports on add-ons. */
final class AddonHints {
  private static final Map<String, String> BY_CODE =
      Map.of(
          "InsufficientNumberOfReplicas",
          "its pods cannot all run: check that the nodes (or a Fargate profile for its namespace)"
              + " have room, and the nodes' taints against the add-on's tolerations",
          "ConfigurationConflict",
          "fields of an install EKS did not make differ from EKS's: set resolveConflictsOnCreate or"
              + " resolveConflictsOnUpdate to OVERWRITE to let EKS take them over",
          "AccessDenied",
          "the add-on's IAM role (serviceAccountRoleArn or Pod Identity) lacks permissions, or its"
              + " trust policy does not let the cluster's pods assume it",
          "ClusterUnreachable",
          "EKS cannot reach the cluster's API server: check the cluster's endpoint access and"
              + " health",
          "AdmissionRequestDenied",
          "an admission webhook on the cluster refused the add-on's Kubernetes objects",
          "UnsupportedAddonModification",
          "the add-on's Kubernetes objects were changed in a way EKS does not support: update it"
              + " with resolveConflictsOnUpdate OVERWRITE",
          "K8sResourceNotFound",
          "a Kubernetes object the add-on needs is missing from the cluster",
          "AddonSubscriptionNeeded",
          "subscribe to the add-on in AWS Marketplace first",
          "AddonPermissionFailure",
          "EKS lacks a permission the add-on needs to be installed");

  private AddonHints() {}

  static String forIssues(List<HealthIssue> issues) {
    return Hints.forIssues(BY_CODE, issues);
  }
}
