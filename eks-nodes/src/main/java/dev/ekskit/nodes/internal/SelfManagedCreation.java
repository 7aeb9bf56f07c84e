package dev.ekskit.nodes.internal;

import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * Checks everything against the account, resolves the AMI, then makes the parts in order (instance
 * profile with the node role in it, launch template, access entry, Auto Scaling group), each
 * create-or-adopt, and waits for the desired instances to be InService. A failure once a part
 * exists is a {@link PartialCreationException} naming what exists and the delete that removes it;
 * running the create again adopts it all.
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
  private final String nodeRole;
  private final boolean linuxCapacityGiven;

  public SelfManagedCreation(
      Scope scope,
      SelfManagedClients aws,
      AmiResolution amis,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec,
      WaitKind createWait) {
    this(scope, aws, amis, amiClients, spec, createWait, false);
  }

  /**
   * @param spec a complete spec: it names its subnets and node role
   * @param linuxCapacityGiven whether a Windows group's Linux capacity is known to come (a
   *     blueprint holds it), so that the cluster need not have it yet
   */
  public SelfManagedCreation(
      Scope scope,
      SelfManagedClients aws,
      AmiResolution amis,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec,
      WaitKind createWait,
      boolean linuxCapacityGiven) {
    this.scope = scope;
    this.aws = aws;
    this.amis = amis;
    this.amiClients = amiClients;
    this.spec = spec;
    this.createWait = createWait;
    this.name = spec.resourceName();
    this.cleanup = SelfManagedDeletion.call(spec.clusterName(), spec.name());
    this.parts = new Parts(scope, cleanup);
    this.nodeRole = spec.nodeRoleArn().orElseThrow();
    this.tags = NodeTags.of(spec.tags(), spec.clusterName(), spec.name(), nodeRole);
    this.linuxCapacityGiven = linuxCapacityGiven;
  }

  public CompletableFuture<SelfManagedNodegroupInfo> run() {
    return scope
        .call(
            Steps.check("cluster and account"),
            () -> SelfManagedChecks.run(aws, spec, linuxCapacityGiven))
        .thenCompose(
            checked ->
                amis.resolve(
                        scope,
                        amiClients,
                        spec.ami(),
                        checked.kubernetesVersion(),
                        spec.amiSource())
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
                        aws.iam(), scope.resource(), name, nodeRole, tags, cleanup)
                    .run(scope)
                    .thenCompose(
                        profile ->
                            scope.call(
                                "add node role to instance profile",
                                () -> {
                                  InstanceProfiles.addRole(
                                      aws.iam(), scope.resource(), name, nodeRole);
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
                                SelfManagedTemplate.of(spec, checked, ami, profileArn),
                                launchTemplateToken,
                                SelfManagedTemplate.ownTags(spec),
                                SelfManagedTemplate.versionTags(checked.kubernetesVersion()),
                                cleanup)
                            .run(scope)))
        .thenCompose(
            template ->
                parts
                    .make(
                        ResourceRef.child("access-entry", spec.clusterName(), nodeRole),
                        null,
                        () ->
                            NodeAccessEntries.createOrAdopt(
                                    aws.eks(),
                                    scope.resource(),
                                    spec.clusterName(),
                                    nodeRole,
                                    spec.ami().isWindows() ? "EC2_WINDOWS" : "EC2_LINUX",
                                    entryTags(),
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

  /**
   * The node group's tags but a blueprint's mark: the entry is the node role's, shared with other
   * groups, and a blueprint would take an entry with its mark for one of its own access entries and
   * delete it once its spec lists no such entry.
   */
  private Map<String, String> entryTags() {
    Map<String, String> entry = new LinkedHashMap<>(tags);
    entry.remove(Tags.BLUEPRINT);
    return entry;
  }

  private CompletableFuture<AutoScalingGroup> awaitInService() {
    return SelfManagedReadiness.await(scope, aws.autoScaling(), name, createWait, cleanup);
  }
}
