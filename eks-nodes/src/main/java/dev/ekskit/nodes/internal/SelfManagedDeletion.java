package dev.ekskit.nodes.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.Poller;
import dev.ekskit.core.internal.Readiness;
import dev.ekskit.core.internal.StepRetry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Removes a self-managed node group's parts in order: the Auto Scaling group with its instances
 * (waited until gone), the access entry if no other node group uses the role, the instance profile,
 * the launch template. Every step treats "already gone" as done, so a crashed delete resumes by
 * running again. Parts ekskit did not make are left alone.
 */
public final class SelfManagedDeletion {
  private final OperationContext context;
  private final SelfManagedClients aws;
  private final String cluster;
  private final String nodegroup;
  private final String name;
  private final WaitKind deleteWait;
  private final ResourceRef ref;

  public SelfManagedDeletion(
      OperationContext context,
      SelfManagedClients aws,
      String cluster,
      String nodegroup,
      WaitKind deleteWait) {
    this.context = context;
    this.aws = aws;
    this.cluster = cluster;
    this.nodegroup = nodegroup;
    this.name = cluster + "-" + nodegroup;
    this.deleteWait = deleteWait;
    this.ref = context.resource();
  }

  /** The call that removes a node group, for error messages. */
  public static String call(String cluster, String nodegroup) {
    return "remove it with nodegroups.selfManaged().delete(\""
        + cluster
        + "\", \""
        + nodegroup
        + "\")";
  }

  /** Completes with true when anything was deleted, false when nothing was left. */
  public CompletableFuture<Boolean> run() {
    return StepRetry.run(context, ref, "find node role", StepRetry.RETRYABLE, this::nodeRole)
        .thenCompose(
            role ->
                deleteGroup()
                    .thenCompose(
                        groupDeleted ->
                            step(
                                    "delete access entry",
                                    () -> role.isPresent() && deleteEntry(role.get()))
                                .thenCompose(
                                    entry ->
                                        step(
                                            "delete instance profile",
                                            () -> InstanceProfiles.delete(aws.iam(), name)))
                                .thenCompose(
                                    profile ->
                                        step(
                                            "delete launch template",
                                            () ->
                                                LaunchTemplateCalls.delete(aws.ec2(), name, true)))
                                .thenApply(template -> groupDeleted || template)));
  }

  /** From the group's tag, or, when the group is gone already, from the instance profile. */
  private Optional<String> nodeRole() {
    return AutoScalingGroups.describe(aws.autoScaling(), name)
        .map(group -> AutoScalingGroups.tagMap(group).get(AutoScalingGroups.NODE_ROLE_TAG))
        .or(() -> InstanceProfiles.roles(aws.iam(), name).stream().findFirst());
  }

  private CompletableFuture<Boolean> deleteGroup() {
    return step(
            "delete auto scaling group",
            () -> AutoScalingGroups.forceDelete(aws.autoScaling(), ref, name, nodegroup))
        .thenCompose(
            deleting ->
                !deleting
                    ? CompletableFuture.completedFuture(false)
                    : Poller.await(
                        context,
                        ref,
                        "wait deleted",
                        context.engine().policy(deleteWait),
                        () ->
                            AutoScalingGroups.describe(aws.autoScaling(), name)
                                .<Readiness<Boolean>>map(
                                    group -> Readiness.pending(String.valueOf(group.status())))
                                .orElse(Readiness.ready("DELETED", true))));
  }

  /** Only when neither a managed node group nor another of ekskit's groups uses the role. */
  private boolean deleteEntry(String roleArn) {
    boolean managedUses =
        aws.eks().listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream()
            .anyMatch(
                other ->
                    roleArn.equals(
                        aws.eks()
                            .describeNodegroup(r -> r.clusterName(cluster).nodegroupName(other))
                            .nodegroup()
                            .nodeRole()));
    boolean selfManagedUses =
        AutoScalingGroups.ofCluster(aws.autoScaling(), cluster).stream()
            .map(AutoScalingGroups::tagMap)
            .anyMatch(tags -> roleArn.equals(tags.get(AutoScalingGroups.NODE_ROLE_TAG)));
    return !managedUses
        && !selfManagedUses
        && NodeAccessEntries.deleteIfOurs(aws.eks(), cluster, roleArn);
  }

  private CompletableFuture<Boolean> step(String step, Supplier<Boolean> call) {
    return StepRetry.run(context, ref, step, StepRetry.RETRYABLE, call);
  }
}
