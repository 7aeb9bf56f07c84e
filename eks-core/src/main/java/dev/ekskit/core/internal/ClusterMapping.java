package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.internal.automode.AutoModeMapping;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.CreateAccessConfigRequest;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.EncryptionConfig;
import software.amazon.awssdk.services.eks.model.KubernetesNetworkConfigRequest;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.Logging;
import software.amazon.awssdk.services.eks.model.VpcConfigRequest;

/** Maps between ekskit's cluster types and the SDK's. Pure functions. */
public final class ClusterMapping {
  private ClusterMapping() {}

  public static CreateClusterRequest createRequest(ClusterSpec spec, String clientRequestToken) {
    CreateClusterRequest.Builder request =
        CreateClusterRequest.builder()
            .name(spec.name())
            .roleArn(spec.roleArn().orElseThrow())
            .clientRequestToken(clientRequestToken)
            .resourcesVpcConfig(
                VpcConfigRequest.builder()
                    .subnetIds(spec.subnetIds())
                    .securityGroupIds(spec.securityGroupIds())
                    .endpointPublicAccess(spec.endpointPublicAccess())
                    .endpointPrivateAccess(spec.endpointPrivateAccess())
                    .publicAccessCidrs(
                        spec.publicAccessCidrs().isEmpty() ? null : spec.publicAccessCidrs())
                    .build())
            .kubernetesNetworkConfig(
                KubernetesNetworkConfigRequest.builder()
                    .ipFamily(spec.ipFamily())
                    .serviceIpv4Cidr(spec.serviceIpv4Cidr().orElse(null))
                    .elasticLoadBalancing(AutoModeMapping.loadBalancing(spec))
                    .build())
            .accessConfig(
                CreateAccessConfigRequest.builder()
                    .authenticationMode(spec.authenticationMode())
                    .bootstrapClusterCreatorAdminPermissions(
                        spec.bootstrapClusterCreatorAdminPermissions())
                    .build())
            .logging(logging(spec.logTypes()))
            .tags(Tags.withOwnership(spec.tags()));
    spec.kubernetesVersion().ifPresent(request::version);
    spec.secretsKmsKeyArn()
        .ifPresent(
            key ->
                request.encryptionConfig(
                    EncryptionConfig.builder()
                        .resources("secrets")
                        .provider(p -> p.keyArn(key))
                        .build()));
    spec.supportType().ifPresent(type -> request.upgradePolicy(u -> u.supportType(type)));
    AutoModeMapping.apply(spec, request);
    return request.build();
  }

  /** Enables exactly {@code enabled}: EKS keeps the previous setting of any type not mentioned. */
  public static Logging logging(java.util.Set<LogType> enabled) {
    List<LogType> disabled =
        java.util.Arrays.stream(LogType.values())
            .filter(t -> t != LogType.UNKNOWN_TO_SDK_VERSION && !enabled.contains(t))
            .toList();
    List<LogSetup> setups = new java.util.ArrayList<>();
    if (!enabled.isEmpty()) {
      setups.add(LogSetup.builder().types(enabled).enabled(true).build());
    }
    if (!disabled.isEmpty()) {
      setups.add(LogSetup.builder().types(disabled).enabled(false).build());
    }
    return Logging.builder().clusterLogging(setups).build();
  }

  public static ClusterInfo info(Cluster cluster) {
    return new ClusterInfo(
        cluster.name(),
        cluster.arn(),
        cluster.statusAsString(),
        Optional.ofNullable(cluster.version()).orElse(""),
        Optional.ofNullable(cluster.platformVersion()).orElse(""),
        Optional.ofNullable(cluster.endpoint()).orElse(""),
        cluster.certificateAuthority() == null || cluster.certificateAuthority().data() == null
            ? ""
            : cluster.certificateAuthority().data(),
        cluster.createdAt(),
        cluster.tags(),
        healthIssues(cluster),
        cluster);
  }

  public static List<HealthIssue> healthIssues(Cluster cluster) {
    return cluster.health() == null
        ? List.of()
        : HealthIssues.of(
            cluster.health().issues(),
            ClusterIssue::codeAsString,
            ClusterIssue::message,
            ClusterIssue::resourceIds);
  }
}
