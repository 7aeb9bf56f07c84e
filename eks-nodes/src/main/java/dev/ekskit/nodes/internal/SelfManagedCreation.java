package dev.ekskit.nodes.internal;

import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterMapping;
import dev.ekskit.core.internal.CreateFailures;
import dev.ekskit.core.internal.Failures;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.nodes.LaunchTemplateSpec;
import dev.ekskit.nodes.NodeBootstrap;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.nodes.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Checks everything against the account, resolves the AMI, then makes the parts in order (instance
 * profile, launch template, access entry, Auto Scaling group), each create-or-adopt, and waits for
 * the desired instances to be InService. A failure after the first part names what exists and how
 * to remove it; running the create again adopts it all.
 */
public final class SelfManagedCreation {
  private final OperationContext context;
  private final SelfManagedClients aws;
  private final SelfManagedNodegroupSpec spec;
  private final WaitKind createWait;
  private final ResourceRef ref;
  private final String launchTemplateToken = UUID.randomUUID().toString();
  private final List<ResourceRef> made = new ArrayList<>();
  private final String cleanup;

  public SelfManagedCreation(
      OperationContext context,
      SelfManagedClients aws,
      SelfManagedNodegroupSpec spec,
      WaitKind createWait) {
    this.context = context;
    this.aws = aws;
    this.spec = spec;
    this.createWait = createWait;
    this.ref = context.resource();
    this.cleanup = SelfManagedDeletion.call(spec.clusterName(), spec.name());
  }

  public CompletableFuture<SelfManagedNodegroupInfo> run() {
    return StepRetry.run(
            context,
            ref,
            "check cluster and account",
            StepRetry.RETRYABLE,
            () -> SelfManagedChecks.run(aws, spec))
        .thenCompose(
            checked ->
                aws.amis()
                    .resolve(context, spec.ami(), checked.kubernetesVersion(), spec.amiSource())
                    .thenCompose(ami -> makeParts(checked, ami)))
        .thenCompose(templateId -> awaitInService())
        .thenApply(group -> AutoScalingGroups.info(spec.clusterName(), spec.name(), group));
  }

  /** The four parts in order; completes with the launch template id. */
  private CompletableFuture<String> makeParts(SelfManagedChecks.Checked checked, ResolvedAmi ami) {
    String name = spec.resourceName();
    return step(
            "create instance profile",
            ResourceRef.child("instance-profile", spec.clusterName(), name),
            () ->
                InstanceProfiles.createOrAdopt(
                    aws.iam(), ref, name, spec.nodeRoleArn(), spec.tags()))
        .thenCompose(
            profileArn ->
                step(
                    "create launch template",
                    new ResourceRef("launch-template", name),
                    () ->
                        LaunchTemplateCalls.createOrAdopt(
                            aws.ec2(),
                            ref,
                            launchTemplate(checked, ami, profileArn),
                            launchTemplateToken)))
        .thenCompose(
            template ->
                step(
                    "create access entry",
                    ResourceRef.child("access-entry", spec.clusterName(), spec.nodeRoleArn()),
                    () -> {
                      NodeAccessEntries.createOrAdopt(
                          aws.eks(),
                          ref,
                          spec.clusterName(),
                          spec.nodeRoleArn(),
                          spec.ami().isWindows() ? "EC2_WINDOWS" : "EC2_LINUX",
                          spec.tags());
                      return template;
                    }))
        .thenCompose(
            template ->
                step(
                    "create auto scaling group",
                    new ResourceRef("auto-scaling-group", name),
                    () -> {
                      AutoScalingGroups.createOrAdopt(aws.autoScaling(), ref, spec, template.id());
                      return template.id();
                    }));
  }

  private LaunchTemplateSpec launchTemplate(
      SelfManagedChecks.Checked checked, ResolvedAmi ami, String profileArn) {
    NodeBootstrap boot =
        NodeBootstrap.forCluster(ClusterMapping.info(checked.cluster()))
            .serviceIpv4Cidr(checked.serviceIpv4Cidr())
            .labels(spec.labels())
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
    return SelfManagedReadiness.await(
        context, aws.autoScaling(), spec.resourceName(), createWait, cleanup);
  }

  /**
   * One part, retried as a step. A failure once a part exists is a {@link PartialCreationException}
   * naming the parts; before that, the plain error.
   */
  private <T> CompletableFuture<T> step(String step, ResourceRef part, Supplier<T> call) {
    return StepRetry.run(context, ref, step, StepRetry.RETRYABLE, call)
        .handle(
            (value, error) -> {
              if (error == null) {
                made.add(part);
                return CompletableFuture.completedFuture(value);
              }
              Throwable cause =
                  CreateFailures.of(context, "the " + part.kind(), cleanup, Failures.unwrap(error));
              return CompletableFuture.<T>failedFuture(
                  made.isEmpty()
                      ? cause
                      : new PartialCreationException(ref, step, made, cleanup, cause));
            })
        .thenCompose(future -> future);
  }
}
