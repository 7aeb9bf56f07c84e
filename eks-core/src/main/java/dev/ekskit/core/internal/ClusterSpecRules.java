package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.internal.automode.AutoModeRules;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.IpFamily;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.SupportType;

/** The rules of {@link ClusterSpec} that need no AWS call; EKS's own limits, checked up front. */
public final class ClusterSpecRules {
  static final Pattern KUBERNETES_VERSION = Violations.KUBERNETES_VERSION;
  static final Pattern SUBNET_ID = Violations.SUBNET_ID;
  static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
  static final Pattern ROLE_ARN = Violations.ROLE_ARN;
  static final Pattern KMS_ARN =
      Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+");
  private static final int MAX_SECURITY_GROUPS = 5;
  private static final int MAX_PUBLIC_CIDRS = 40;
  private static final List<Ipv4Cidr> PRIVATE_RANGES =
      List.of(
          Ipv4Cidr.parse("10.0.0.0/8"),
          Ipv4Cidr.parse("172.16.0.0/12"),
          Ipv4Cidr.parse("192.168.0.0/16"));

  private ClusterSpecRules() {}

  public static void check(ClusterSpec spec) {
    Violations v = new Violations("ClusterSpec");
    v.eksName("name", spec.name(), 100);
    spec.kubernetesVersion()
        .ifPresent(
            version ->
                v.matches(
                    "kubernetesVersion", version, KUBERNETES_VERSION, "major.minor such as 1.33"));
    spec.roleArn().ifPresent(arn -> v.matches("roleArn", arn, ROLE_ARN, "an IAM role ARN"));
    if (!spec.subnetIds().isEmpty()) {
      v.ids("subnetIds", spec.subnetIds(), SUBNET_ID, "a subnet id", 2, Integer.MAX_VALUE);
    }
    v.ids(
        "securityGroupIds",
        spec.securityGroupIds(),
        SECURITY_GROUP_ID,
        "a security group id",
        0,
        MAX_SECURITY_GROUPS);
    checkEndpoint(spec, v);
    spec.logTypes().stream()
        .filter(t -> t == LogType.UNKNOWN_TO_SDK_VERSION)
        .findAny()
        .ifPresent(t -> v.add("logTypes", "known", "holds a log type this SDK does not know"));
    spec.secretsKmsKeyArn()
        .ifPresent(arn -> v.matches("secretsKmsKeyArn", arn, KMS_ARN, "a KMS key or alias ARN"));
    checkNetwork(spec, v);
    checkAccess(spec, v);
    AutoModeRules.check(spec, v);
    if (spec.supportType().filter(t -> t == SupportType.UNKNOWN_TO_SDK_VERSION).isPresent()) {
      v.add("supportType", "known", "must be STANDARD or EXTENDED");
    }
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  /**
   * What creating the cluster on its own needs beyond {@link #check}: the role and subnets that
   * only a blueprint may leave out.
   */
  public static void requireCreatable(ClusterSpec spec) {
    Violations v = new Violations("ClusterSpec");
    if (spec.roleArn().isEmpty()) {
      v.add(
          "roleArn",
          "required",
          "a cluster needs the IAM role EKS assumes (only a ClusterBlueprint that makes the role"
              + " may leave it out)");
    }
    if (spec.subnetIds().isEmpty()) {
      v.add(
          "subnetIds",
          "required",
          "a cluster needs at least 2 subnets in 2 Availability Zones (only a ClusterBlueprint"
              + " that makes the network may leave them out)");
    }
    AutoModeRules.requireNodeRole(spec, v);
    v.throwIfAny();
  }

  private static void checkEndpoint(ClusterSpec spec, Violations v) {
    if (!spec.endpointPublicAccess() && !spec.endpointPrivateAccess()) {
      v.add(
          "endpointPublicAccess",
          "endpoint-access",
          "public and private endpoint access cannot both be off: nobody could reach the API"
              + " server");
    }
    if (!spec.endpointPublicAccess() && !spec.publicAccessCidrs().isEmpty()) {
      v.add(
          "publicAccessCidrs",
          "requires-public-access",
          "only applies when endpointPublicAccess is true");
    }
    if (spec.publicAccessCidrs().size() > MAX_PUBLIC_CIDRS) {
      v.add("publicAccessCidrs", "max-size", "allows at most " + MAX_PUBLIC_CIDRS + " blocks");
    }
    v.ipv4Cidrs("publicAccessCidrs", spec.publicAccessCidrs());
  }

  private static void checkNetwork(ClusterSpec spec, Violations v) {
    if (spec.ipFamily() == IpFamily.UNKNOWN_TO_SDK_VERSION) {
      v.add("ipFamily", "known", "must be IPV4 or IPV6");
    }
    spec.serviceIpv4Cidr()
        .ifPresent(
            cidr -> {
              if (spec.ipFamily() == IpFamily.IPV6) {
                v.add("serviceIpv4Cidr", "ip-family", "does not apply to an IPV6 cluster");
              }
              String problem = Ipv4Cidr.problem(cidr);
              if (problem != null) {
                v.add("serviceIpv4Cidr", "cidr", problem);
                return;
              }
              Ipv4Cidr block = Ipv4Cidr.parse(cidr);
              if (block.prefix() < 12 || block.prefix() > 24) {
                v.add(
                    "serviceIpv4Cidr",
                    "prefix-range",
                    "must be between /12 and /24, was /" + block.prefix());
              }
              if (PRIVATE_RANGES.stream().noneMatch(range -> range.contains(block))) {
                v.add(
                    "serviceIpv4Cidr",
                    "private-range",
                    "must lie within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, was " + cidr);
              }
            });
  }

  private static void checkAccess(ClusterSpec spec, Violations v) {
    if (spec.authenticationMode() == AuthenticationMode.UNKNOWN_TO_SDK_VERSION) {
      v.add("authenticationMode", "known", "must be API, API_AND_CONFIG_MAP or CONFIG_MAP");
    }
    if (spec.authenticationMode() == AuthenticationMode.CONFIG_MAP
        && !spec.bootstrapClusterCreatorAdminPermissions()) {
      v.add(
          "bootstrapClusterCreatorAdminPermissions",
          "config-map-needs-bootstrap",
          "must be true with authenticationMode CONFIG_MAP, or nobody could administer the"
              + " cluster");
    }
  }
}
