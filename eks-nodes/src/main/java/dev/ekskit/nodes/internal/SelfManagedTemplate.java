package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.EksResources;
import dev.ekskit.nodes.LaunchTemplateSpec;
import dev.ekskit.nodes.NodeBootstrap;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.nodes.UserData;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;

/**
 * What each version of a self-managed node group's launch template holds: the resolved AMI, user
 * data that joins the cluster with the spec's labels, taints, max pods and commands, the instance
 * profile, security groups, volumes and IMDS settings, and the tags of what it launches, the
 * Kubernetes version among them.
 */
final class SelfManagedTemplate {
  private SelfManagedTemplate() {}

  static LaunchTemplateSpec of(
      SelfManagedNodegroupSpec spec,
      SelfManagedChecks.Checked checked,
      ResolvedAmi ami,
      String profileArn) {
    NodeBootstrap boot =
        NodeBootstrap.forCluster(EksResources.clusterInfo(checked.cluster()))
            .serviceIpv4Cidr(checked.serviceIpv4Cidr())
            // Sorted, so that labels given in another order make the same user data.
            .labels(new TreeMap<>(spec.labels()))
            .taints(spec.taints())
            .maxPods(spec.maxPods())
            .preBootstrapCommands(spec.preBootstrapCommands())
            .build();
    Volumes volumes = Volumes.of(spec.ami().family());
    LaunchTemplateSpec.Builder template =
        LaunchTemplateSpec.builder()
            .name(spec.resourceName())
            .imageId(ami.imageId())
            // A mixed instances policy overrides it with its list of types.
            .instanceType(spec.effectiveInstanceTypes().get(0))
            .userData(UserData.render(spec.ami().family(), boot))
            .iamInstanceProfileArn(profileArn)
            .securityGroupIds(checked.securityGroupIds())
            .metadataHopLimit(spec.metadataHopLimit())
            .rootVolumeGib(spec.effectiveVolumeGib())
            .rootDeviceName(volumes.data())
            .kmsKeyId(spec.kmsKeyId())
            .tags(spec.tags());
    volumes.os().ifPresent(template::osDeviceName);
    return template.build();
  }

  /** ekskit's tags of the template and what it launches: the cluster, node group and role. */
  static Map<String, String> ownTags(SelfManagedNodegroupSpec spec) {
    return NodeTags.of(Map.of(), spec.clusterName(), spec.name(), spec.nodeRoleArn().orElseThrow());
  }

  /** The tags of one version's instances and volumes only. */
  static Map<String, String> versionTags(String kubernetesVersion) {
    return Map.of(NodeTags.KUBERNETES_VERSION, kubernetesVersion);
  }

  /** The data a version for {@code spec} would hold. */
  static RequestLaunchTemplateData data(
      SelfManagedNodegroupSpec spec,
      SelfManagedChecks.Checked checked,
      ResolvedAmi ami,
      String profileArn) {
    return LaunchTemplateMapping.data(
        of(spec, checked, ami, profileArn),
        ownTags(spec),
        versionTags(checked.kubernetesVersion()));
  }
}
