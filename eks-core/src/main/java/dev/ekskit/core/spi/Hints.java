package dev.ekskit.core.spi;

import dev.ekskit.core.HealthIssue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** What a person should check for the health-issue and error codes AWS reports most often. */
public final class Hints {
  private static final Map<String, String> BY_CODE =
      Map.ofEntries(
          Map.entry("IamRoleNotFound", "the cluster role does not exist, or was deleted"),
          Map.entry(
              "AccessDenied",
              "the cluster role lacks AmazonEKSClusterPolicy or cannot be assumed by"
                  + " eks.amazonaws.com"),
          Map.entry(
              "Ec2SubnetNotFound",
              "a subnet of the spec was deleted or is in another account or region"),
          Map.entry("Ec2SecurityGroupNotFound", "a security group of the spec was deleted"),
          Map.entry(
              "InsufficientFreeAddresses",
              "the subnets need at least 6 free IP addresses each (16 recommended)"),
          Map.entry(
              "UnsupportedAvailabilityZoneException",
              "one subnet is in an Availability Zone EKS does not support: use subnets in other"
                  + " zones"),
          Map.entry(
              "KmsKeyNotFound",
              "the secrets encryption key does not exist or is in another region"),
          Map.entry("KmsKeyDisabled", "the secrets encryption key is disabled: enable it"),
          Map.entry(
              "KmsKeyMarkedForDeletion",
              "the secrets encryption key is scheduled for deletion: cancel the deletion"),
          Map.entry("KmsGrantRevoked", "the grant EKS holds on the secrets key was revoked"),
          Map.entry("VpcNotFound", "the VPC of the subnets was deleted"),
          Map.entry(
              "ResourceLimitExceeded", "an account quota was reached: raise it in Service Quotas"),
          Map.entry(
              "StsRegionalEndpointDisabled",
              "enable the STS regional endpoint for this region in IAM account settings"),
          Map.entry(
              "UnsupportedVersion",
              "this Kubernetes version is not offered: list versions with"
                  + " DescribeClusterVersions"));

  private Hints() {}

  /** The hints for the codes among {@code issues}, joined; empty if none is known. */
  public static String forIssues(List<HealthIssue> issues) {
    return forIssues(BY_CODE, issues);
  }

  /**
   * A module's own hints: those of {@code byCode} for the codes among {@code issues}, joined in
   * the order the codes first appear; empty if none is known.
   */
  public static String forIssues(Map<String, String> byCode, List<HealthIssue> issues) {
    return issues.stream()
        .map(HealthIssue::code)
        .distinct()
        .map(byCode::get)
        .filter(Objects::nonNull)
        .collect(Collectors.joining("; "));
  }
}
