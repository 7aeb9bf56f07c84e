package dev.ekskit.nodes.internal;

import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.nodes.LaunchTemplateSpec;
import dev.ekskit.nodes.NodeBootstrap;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.nodes.UserData;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * Checks everything against the account, resolves the AMI, then makes the parts in order (instance
 * profile with the node role in it, launch template, access entry, Auto Scaling group), each
 * create-or-adopt, and waits for the desired instances to be InService. A failure once a part exists
 * is a {@link PartialCreationException} naming what exists and the delete that removes it; running
 * the create again adopts it all.
 */
public final class SelfManagedCreation {
  private final Scope scope;
  private final SelfManagedClients aws;
  private final AmiResolution amis;
  private final AmiResolution.Clients amiClients;
  private final SelfManagedNodegroupSpec spec;
  private final WaitKind createWait;
  private final String name;
  private final String launchTemplateToken = UUID.randomUUID().toString();
  private final String cleanup;
  private final Parts parts;
  private final Map<String, String> tags;
  private final Map<String, String> ownTags;

  public SelfManagedCreation(
      Scope scope,
      SelfManagedClients aws,
      AmiResolution amis,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec,
      WaitKind createWait) {
    this.scope = scope;
    this.aws = aws;
    this.amis = amis;
    this.amiClients = amiClients;
    this.spec = spec;
    this.createWait = createWait;
    this.name = spec.resourceName();
    this.cleanup = SelfManagedDeletion.call(spec.clusterName(), spec.name());
    this.parts = new Parts(scope, cleanup);
    this.tags = NodeTags.of(spec.tags(), spec.clusterName(), spec.name(), spec.nodeRoleArn());
    this.ownTags = NodeTags.of(Map.of(), spec.clusterName(), spec.name(), spec.nodeRoleArn());
  }

  public CompletableFuture<SelfManagedNodegroupInfo> run() {
    return scope
        .call("check cluster and account", () -> SelfManagedChecks.run(aws, spec))
        .thenCompose(
            checked ->
                amis.resolve(
                        scope, amiClients, spec.ami(), checked.kubernetesVersion(), spec.amiSource())
                    .thenCompose(ami -> makeParts(checked, ami)))
        .thenCompose(templateId -> awaitInService())
        .thenApply(group -> AutoScalingGroups.info(spec.clusterName(), spec.name(), group));
  }

  /** The four parts in order; completes with the launch template id. */
  private CompletableFuture<String> makeParts(SelfManagedChecks.Checked checked, ResolvedAmi ami) {
    ResourceRef profileRef = ResourceRef.child("instance-profile", spec.clusterName(), name);
    return parts
        .make(
            profileRef,
            () -> InstanceProfiles.get(aws.iam(), name).isPresent(),
            () ->
                InstanceProfiles.createOrAdopt(
                        aws.iam(), scope.resource(), name, spec.nodeRoleArn(), tags, cleanup)
                    .run(scope)
                    .thenCompose(
                        profile ->
                            scope.call(
                                "add node role to instance profile",
                                () -> {
                                  InstanceProfiles.addRole(
                                      aws.iam(), scope.resource(), name, spec.nodeRoleArn());
                                  return profile.resource().arn();
                                })))
        .thenCompose(
            profileArn ->
                parts.make(
                    new ResourceRef("launch-template", name),
                    () -> LaunchTemplateCalls.find(aws.ec2(), name).isPresent(),
                    () ->
                        LaunchTemplateCalls.createOrAdopt(
                                aws.ec2(),
                                scope.resource(),
                                launchTemplate(checked, ami, profileArn),
                                launchTemplateToken,
                                ownTags,
                                cleanup)
                            .run(scope)))
        .thenCompose(
            template ->
                parts
                    .make(
                        ResourceRef.child("access-entry", spec.clusterName(), spec.nodeRoleArn()),
                        null,
                        () ->
                            NodeAccessEntries.createOrAdopt(
                                    aws.eks(),
                                    scope.resource(),
                                    spec.clusterName(),
                                    spec.nodeRoleArn(),
                                    spec.ami().isWindows() ? "EC2_WINDOWS" : "EC2_LINUX",
                                    tags,
                                    cleanup)
                                .run(scope))
                    .thenApply(entry -> launchTemplateId(template.resource())))
        .thenCompose(
            templateId ->
                parts
                    .make(
                        new ResourceRef("auto-scaling-group", name),
                        () -> AutoScalingGroups.describe(aws.autoScaling(), name).isPresent(),
                        () ->
                            AutoScalingGroups.createOrAdopt(
                                    aws.autoScaling(), scope.resource(), spec, templateId, cleanup)
                                .run(scope))
                    .thenApply(group -> templateId));
  }

  private static String launchTemplateId(LaunchTemplate template) {
    return template.launchTemplateId();
  }

  private LaunchTemplateSpec launchTemplate(
      SelfManagedChecks.Checked checked, ResolvedAmi ami, String profileArn) {
    NodeBootstrap boot =
        NodeBootstrap.forCluster(EksResources.clusterInfo(checked.cluster()))
            .serviceIpv4Cidr(checked.serviceIpv4Cidr())
            .labels(spec.labels())
            .taints(spec.taints())
            .maxPods(spec.maxPods())
            .preBootstrapCommands(spec.preBootstrapCommands())
            .build();
    Volumes volumes = Volumes.of(spec.ami().family());
    LaunchTemplateSpec.Builder template =
        LaunchTemplateSpec.builder()
            .name(name)
            .imageId(ami.imageId())
            // A mixed instances policy overrides it with its list of types.
            .instanceType(spec.instanceTypes().get(0))
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

  private CompletableFuture<AutoScalingGroup> awaitInService() {
    return SelfManagedReadiness.await(scope, aws.autoScaling(), name, createWait, cleanup);
  }
}
