package dev.ekskit.nodes.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Brings an existing self-managed node group to its spec in place, each step only when something
 * differs and each safe to repeat: the Auto Scaling group's range, subnets, instance types and
 * capacity; a new launch template version with what the spec wants (its client token derived from
 * that content, so a lost answer makes no second version) made the default, which the group
 * launches from; an instance refresh for instances on earlier versions (one already going on is
 * waited for); then the wait until the desired instances are in service. It reads the group afresh
 * first, so a run stopped anywhere does only what is left when run again.
 */
public final class SelfManagedUpdate {
  private final Scope scope;
  private final SelfManagedClients aws;
  private final AmiResolution amis;
  private final AmiResolution.Clients amiClients;
  private final SelfManagedNodegroupSpec spec;
  private final WaitKind inServiceWait;
  private final WaitKind refreshWait;
  private final String cleanup;

  /**
   * @param spec the complete spec, at the version the nodes should run
   */
  public SelfManagedUpdate(
      Scope scope,
      SelfManagedClients aws,
      AmiResolution amis,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec,
      WaitKind inServiceWait,
      WaitKind refreshWait) {
    this.scope = scope;
    this.aws = aws;
    this.amis = amis;
    this.amiClients = amiClients;
    this.spec = spec;
    this.inServiceWait = inServiceWait;
    this.refreshWait = refreshWait;
    this.cleanup = SelfManagedDeletion.call(spec.clusterName(), spec.name());
  }

  public CompletableFuture<AutoScalingGroup> run() {
    return scope
        .call("read node group", this::read)
        .thenCompose(
            state -> {
              boolean resized = SelfManagedReview.groupDiffers(state.spec(), state.group());
              return updateGroup(state, resized)
                  .thenCompose(done -> newVersion(state))
                  .thenCompose(this::refresh)
                  .thenCompose(
                      done ->
                          SelfManagedReadiness.await(
                              scope,
                              aws.autoScaling(),
                              spec.resourceName(),
                              resized ? scope.policy(inServiceWait) : lookingAtOnce(),
                              cleanup));
            });
  }

  private SelfManagedState read() {
    AutoScalingGroup group =
        AutoScalingGroups.describe(aws.autoScaling(), spec.resourceName())
            .orElseThrow(
                () ->
                    new EksKitException(
                        scope.resource()
                            + ": its Auto Scaling group "
                            + spec.resourceName()
                            + " is gone; apply again to create it"));
    return SelfManagedState.read(aws, amis, amiClients, spec, group);
  }

  private CompletableFuture<?> updateGroup(SelfManagedState state, boolean resized) {
    if (!resized) {
      return CompletableFuture.completedFuture(null);
    }
    return scope.call(
        "update auto scaling group",
        () ->
            aws.autoScaling()
                .updateAutoScalingGroup(
                    AutoScalingMapping.updateRequest(
                        state.spec(), state.templateId(), state.group().desiredCapacity())));
  }

  /** Completes with the default version the instances should run. */
  private CompletableFuture<Long> newVersion(SelfManagedState state) {
    if (!state.templateDiffers()) {
      return CompletableFuture.completedFuture(state.current().versionNumber());
    }
    String templateId = state.templateId();
    return scope
        .call(
            "create launch template version",
            () ->
                aws.ec2()
                    .createLaunchTemplateVersion(
                        LaunchTemplateMapping.versionRequest(
                            templateId, state.wanted(), state.versionToken()))
                    .launchTemplateVersion()
                    .versionNumber())
        .thenCompose(
            version ->
                scope
                    .call(
                        "set default launch template version",
                        () ->
                            aws.ec2()
                                .modifyLaunchTemplate(
                                    r ->
                                        r.launchTemplateId(templateId)
                                            .defaultVersion(String.valueOf(version))))
                    .thenApply(set -> version));
  }

  /** A refresh when an instance runs another version than {@code version}. */
  private CompletableFuture<?> refresh(long version) {
    return scope
        .call(
            Steps.find("instances on earlier versions"),
            () ->
                AutoScalingGroups.describe(aws.autoScaling(), spec.resourceName())
                    .map(group -> !SelfManagedReview.offVersion(group, version).isEmpty())
                    .orElse(false))
        .thenCompose(
            behind ->
                behind
                    ? InstanceRefreshes.run(
                        scope, aws.autoScaling(), spec.resourceName(), refreshWait)
                    : CompletableFuture.completedFuture(null));
  }

  /** Nothing was resized: the group is likely in service already, so look at once. */
  private PollingPolicy lookingAtOnce() {
    return scope.policy(inServiceWait).withFirstCheck(Duration.ZERO);
  }
}
