package dev.ekskit.nodes.internal;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import java.util.List;
import software.amazon.awssdk.services.eks.model.AutoScalingGroup;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.Issue;
import software.amazon.awssdk.services.eks.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupUpdateConfig;

/**
 * {@link NodegroupSpec} to requests and {@link Nodegroup} to {@link NodegroupInfo}; {@link
 * NodegroupReview} compares them.
 */
public final class NodegroupMapping {
  private NodegroupMapping() {}

  /** The request for a complete spec: one that names its subnets and node role. */
  public static CreateNodegroupRequest createRequest(
      NodegroupSpec spec, String kubernetesVersion, String clientRequestToken) {
    var request =
        CreateNodegroupRequest.builder()
            .clusterName(spec.clusterName())
            .nodegroupName(spec.name())
            .subnets(spec.subnetIds())
            .nodeRole(spec.nodeRoleArn().orElseThrow())
            .capacityType(spec.capacityType())
            .scalingConfig(
                s ->
                    s.minSize(spec.minSize())
                        .desiredSize(spec.desiredSize())
                        .maxSize(spec.maxSize()))
            .amiType(amiType(spec, kubernetesVersion))
            .version(kubernetesVersion)
            .labels(spec.labels())
            .taints(TaintMapping.sdk(spec.taints()))
            .tags(Tags.withOwnership(spec.tags()))
            .clientRequestToken(clientRequestToken);
    if (!spec.effectiveInstanceTypes().isEmpty()) {
      request.instanceTypes(spec.effectiveInstanceTypes());
    }
    spec.volumeGib().ifPresent(request::diskSize);
    spec.amiSource().pinnedRelease().ifPresent(request::releaseVersion);
    if (spec.maxUnavailable().isPresent() || spec.maxUnavailablePercentage().isPresent()) {
      request.updateConfig(
          NodegroupUpdateConfig.builder()
              .maxUnavailable(spec.maxUnavailable().orElse(null))
              .maxUnavailablePercentage(spec.maxUnavailablePercentage().orElse(null))
              .build());
    }
    spec.launchTemplateId()
        .ifPresent(
            id ->
                request.launchTemplate(
                    LaunchTemplateSpecification.builder()
                        .id(id)
                        .version(spec.launchTemplateVersion().orElse(null))
                        .build()));
    return request.build();
  }

  /**
   * {@code CUSTOM} when the launch template brings the AMI, else the choice's type; both check the
   * version.
   */
  static String amiType(NodegroupSpec spec, String kubernetesVersion) {
    String stock = spec.ami().amiType(kubernetesVersion);
    return spec.customAmi() ? "CUSTOM" : stock;
  }

  public static NodegroupInfo info(Nodegroup group) {
    var scaling = group.scalingConfig();
    return new NodegroupInfo(
        group.clusterName(),
        group.nodegroupName(),
        group.nodegroupArn(),
        group.statusAsString(),
        group.version(),
        group.releaseVersion(),
        group.amiTypeAsString(),
        scaling == null ? 0 : scaling.minSize(),
        scaling == null ? 0 : scaling.desiredSize(),
        scaling == null ? 0 : scaling.maxSize(),
        group.resources() == null
            ? List.of()
            : group.resources().autoScalingGroups().stream().map(AutoScalingGroup::name).toList());
  }

  public static List<HealthIssue> healthIssues(Nodegroup group) {
    return group.health() == null
        ? List.of()
        : HealthIssues.of(
            group.health().issues(), Issue::codeAsString, Issue::message, Issue::resourceIds);
  }
}
