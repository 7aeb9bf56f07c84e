package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.internal.automode.AutoModeMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/**
 * Compares a spec with an existing cluster, to decide whether "already exists" means "adopt it".
 * Fields the spec leaves to EKS (version, service CIDR, support type when absent) match anything,
 * and so do the role and subnets a blueprint has not resolved yet.
 */
public final class ClusterDiff {
  private static final List<String> OPEN_TO_ALL = List.of("0.0.0.0/0");

  private ClusterDiff() {}

  public static List<FieldDifference> between(ClusterSpec spec, Cluster actual) {
    List<FieldDifference> diff = new ArrayList<>();
    spec.kubernetesVersion()
        .ifPresent(v -> compare(diff, "kubernetesVersion", v, actual.version()));
    spec.roleArn().ifPresent(arn -> compare(diff, "roleArn", arn, actual.roleArn()));
    VpcConfigResponse vpc = actual.resourcesVpcConfig();
    if (vpc != null) {
      if (!spec.subnetIds().isEmpty()) {
        compare(diff, "subnetIds", spec.subnetIds(), vpc.subnetIds());
      }
      compare(diff, "securityGroupIds", spec.securityGroupIds(), vpc.securityGroupIds());
      compare(
          diff, "endpointPublicAccess", spec.endpointPublicAccess(), vpc.endpointPublicAccess());
      compare(
          diff, "endpointPrivateAccess", spec.endpointPrivateAccess(), vpc.endpointPrivateAccess());
      if (spec.endpointPublicAccess()) {
        List<String> wanted =
            spec.publicAccessCidrs().isEmpty() ? OPEN_TO_ALL : spec.publicAccessCidrs();
        List<String> found =
            vpc.publicAccessCidrs().isEmpty() ? OPEN_TO_ALL : vpc.publicAccessCidrs();
        compare(diff, "publicAccessCidrs", wanted, found);
      }
    }
    compare(diff, "logTypes", spec.logTypes(), enabledLogTypes(actual));
    compare(diff, "secretsKmsKeyArn", spec.secretsKmsKeyArn().orElse(null), secretsKey(actual));
    if (actual.kubernetesNetworkConfig() != null) {
      spec.serviceIpv4Cidr()
          .ifPresent(
              cidr ->
                  compare(
                      diff,
                      "serviceIpv4Cidr",
                      cidr,
                      actual.kubernetesNetworkConfig().serviceIpv4Cidr()));
      compare(diff, "ipFamily", spec.ipFamily(), actual.kubernetesNetworkConfig().ipFamily());
    }
    if (actual.accessConfig() != null && actual.accessConfig().authenticationMode() != null) {
      compare(
          diff,
          "authenticationMode",
          spec.authenticationMode(),
          actual.accessConfig().authenticationMode());
    }
    diff.addAll(AutoModeMapping.differences(spec, actual));
    if (actual.upgradePolicy() != null) {
      spec.supportType()
          .ifPresent(
              type -> compare(diff, "supportType", type, actual.upgradePolicy().supportType()));
    }
    return diff;
  }

  private static Set<Object> enabledLogTypes(Cluster actual) {
    Set<Object> enabled = new HashSet<>();
    if (actual.logging() != null) {
      actual.logging().clusterLogging().stream()
          .filter(setup -> Boolean.TRUE.equals(setup.enabled()))
          .map(LogSetup::types)
          .forEach(enabled::addAll);
    }
    return enabled;
  }

  private static String secretsKey(Cluster actual) {
    return actual.encryptionConfig().stream()
        .filter(config -> config.resources().contains("secrets") && config.provider() != null)
        .map(config -> config.provider().keyArn())
        .findFirst()
        .orElse(null);
  }

  private static void compare(
      List<FieldDifference> diff, String field, Object wanted, Object actual) {
    if (!Objects.equals(normalized(wanted), normalized(actual))) {
      diff.add(
          new FieldDifference(
              field, String.valueOf(normalized(wanted)), String.valueOf(normalized(actual))));
    }
  }

  /** Collections compare as sorted sets of text, enums and strings by their text. */
  private static Object normalized(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }
    return value == null ? null : String.valueOf(value);
  }
}
