package dev.ekskit.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.AccessConfigResponse;
import software.amazon.awssdk.services.eks.model.Certificate;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterHealth;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.Identity;
import software.amazon.awssdk.services.eks.model.KubernetesNetworkConfigResponse;
import software.amazon.awssdk.services.eks.model.Logging;
import software.amazon.awssdk.services.eks.model.OIDC;
import software.amazon.awssdk.services.eks.model.UpgradePolicyResponse;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/** One simulated cluster: what was asked, its lifecycle, its updates, and how EKS describes it. */
final class ClusterState {
  final String name;
  final String arn;
  final String clientRequestToken;
  final Lifecycle lifecycle;
  final List<TrackedUpdate> updates = new ArrayList<>();
  private final String id;
  private final String roleArn;
  private final String endpointHost;
  private final List<ClusterIssue> failureIssues;
  AccessConfigResponse accessConfig;
  private final KubernetesNetworkConfigResponse networkConfig;
  String version;
  String platformVersion = KubernetesVersions.INITIAL_PLATFORM_VERSION;
  VpcConfigResponse vpcConfig;
  Logging logging;
  UpgradePolicyResponse upgradePolicy;
  AutoModeSettings autoMode = AutoModeSettings.OFF;

  ClusterState(
      String name,
      String arn,
      String clientRequestToken,
      Lifecycle lifecycle,
      String id,
      String roleArn,
      String endpointHost,
      List<ClusterIssue> failureIssues,
      AccessConfigResponse accessConfig,
      KubernetesNetworkConfigResponse networkConfig) {
    this.name = name;
    this.arn = arn;
    this.clientRequestToken = clientRequestToken;
    this.lifecycle = lifecycle;
    this.id = id;
    this.roleArn = roleArn;
    this.endpointHost = endpointHost;
    this.failureIssues = List.copyOf(failureIssues);
    this.accessConfig = accessConfig;
    this.networkConfig = networkConfig;
  }

  /** Whether access entries may be made: the mode is API or API_AND_CONFIG_MAP. */
  boolean allowsAccessEntries() {
    return accessConfig == null || !"CONFIG_MAP".equals(accessConfig.authenticationModeAsString());
  }

  ClusterStatus status(Instant now) {
    return switch (lifecycle.phase(now)) {
      case CREATING -> ClusterStatus.CREATING;
      case FAILED -> ClusterStatus.FAILED;
      case DELETING, GONE -> ClusterStatus.DELETING;
      case ACTIVE ->
          updates.stream().anyMatch(u -> u.inProgress(now))
              ? ClusterStatus.UPDATING
              : ClusterStatus.ACTIVE;
    };
  }

  void settle(Instant now) {
    updates.forEach(update -> update.settle(now));
  }

  /**
   * As DescribeCluster answers: endpoint, certificate and OIDC issuer exist only once the cluster
   * is up.
   */
  Cluster toCluster(Instant now, Map<String, String> tags, String region) {
    ClusterStatus status = status(now);
    boolean up = status == ClusterStatus.ACTIVE || status == ClusterStatus.UPDATING;
    return Cluster.builder()
        .name(name)
        .arn(arn)
        .id(id)
        .createdAt(lifecycle.createdAt())
        .version(version)
        .platformVersion(platformVersion)
        .status(status)
        .roleArn(roleArn)
        .clientRequestToken(clientRequestToken)
        .tags(tags)
        .endpoint(up ? "https://" + endpointHost + ".gr7." + region + ".eks.amazonaws.com" : null)
        .certificateAuthority(Certificate.builder().data(up ? fakeCertificate() : null).build())
        .identity(
            up
                ? Identity.builder()
                    .oidc(
                        OIDC.builder()
                            .issuer(
                                "https://oidc.eks." + region + ".amazonaws.com/id/" + endpointHost)
                            .build())
                    .build()
                : null)
        .resourcesVpcConfig(vpcConfig)
        .kubernetesNetworkConfig(
            networkConfig.toBuilder().elasticLoadBalancing(autoMode.loadBalancing()).build())
        .computeConfig(autoMode.compute())
        .storageConfig(autoMode.storage())
        .logging(logging)
        .accessConfig(accessConfig)
        .upgradePolicy(upgradePolicy)
        .deletionProtection(false)
        .health(
            ClusterHealth.builder()
                .issues(status == ClusterStatus.FAILED ? failureIssues : List.of())
                .build())
        .build();
  }

  private String fakeCertificate() {
    String body =
        Base64.getEncoder()
            .encodeToString(
                ("ekskit simulated cluster CA for " + name).getBytes(StandardCharsets.UTF_8));
    String pem = "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  static String endpointHost(Ids ids) {
    return ids.hex(32).toUpperCase(Locale.ROOT);
  }
}
