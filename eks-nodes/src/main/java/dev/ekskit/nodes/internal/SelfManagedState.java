package dev.ekskit.nodes.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;

/**
 * An existing self-managed node group as it is and as its spec wants it: the Auto Scaling group,
 * the launch template version it launches from, and the data a version for the spec would hold (the
 * AMI the spec resolves to now, the cluster's endpoint and CA in the user data). Read with reads
 * only, by a plan and again by each apply.
 *
 * @param spec the complete spec; its node role is the group's when the spec has none yet
 * @param templateId the group's launch template
 * @param current the template's default version, which the group launches from
 * @param wanted what a version for the spec would hold
 */
record SelfManagedState(
    SelfManagedNodegroupSpec spec,
    AutoScalingGroup group,
    String templateId,
    LaunchTemplateVersion current,
    RequestLaunchTemplateData wanted) {

  /**
   * The group of {@code spec}, which ekskit made for it ({@link SelfManagedReview#foreign} says
   * so), with its template and what the spec wants.
   */
  static SelfManagedState read(
      SelfManagedClients aws,
      AmiResolution amis,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec,
      AutoScalingGroup group) {
    SelfManagedNodegroupSpec complete =
        spec.nodeRoleArn().isPresent()
            ? spec
            : spec.toBuilder()
                .nodeRoleArn(
                    Optional.ofNullable(AutoScalingGroups.tagMap(group).get(NodeTags.NODE_ROLE)))
                .build();
    String templateId = AutoScalingMapping.templateId(group);
    LaunchTemplateVersion current =
        aws.ec2()
            .describeLaunchTemplateVersions(
                r -> r.launchTemplateId(templateId).versions("$Default"))
            .launchTemplateVersions()
            .get(0);
    SelfManagedChecks.Checked cluster = SelfManagedChecks.facts(aws, complete);
    ResolvedAmi ami =
        amis.resolveNow(
            amiClients, complete.ami(), cluster.kubernetesVersion(), complete.amiSource());
    String profileArn = current.launchTemplateData().iamInstanceProfile().arn();
    return new SelfManagedState(
        complete,
        group,
        templateId,
        current,
        SelfManagedTemplate.data(complete, cluster, ami, profileArn));
  }

  /** Where the group differs from the spec. */
  List<FieldDifference> differences() {
    return SelfManagedReview.differences(spec, group, TemplateView.of(wanted), current);
  }

  /** Whether the default template version holds other data than the spec wants. */
  boolean templateDiffers() {
    return !TemplateView.of(wanted).equals(TemplateView.of(current.launchTemplateData()));
  }

  /** The client token of a new version holding {@link #wanted}, the same for the same data. */
  String versionToken() {
    return TemplateView.of(wanted).clientToken(templateId);
  }
}
