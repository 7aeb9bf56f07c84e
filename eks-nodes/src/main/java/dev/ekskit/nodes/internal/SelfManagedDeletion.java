package dev.ekskit.nodes.internal;

import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * Removes a self-managed node group's parts in order: the Auto Scaling group with its instances
 * (waited until gone), the access entry if no other node group uses the role, the instance profile,
 * the launch template. Each part is found on its own by name, so a delete stopped halfway (or run
 * after the cluster is gone) finishes when run again; "already gone" is done at every step. Parts
 * ekskit did not make are left alone.
 */
public final class SelfManagedDeletion {
  /** IAM refuses to delete a profile whose role it has not let go of yet. */
  private static final StepRetries ROLE_STILL_IN_PROFILE =
      StepRetries.when(
          e -> "DeleteConflict".equals(AwsErrors.errorCode(e)), RetrySettings.defaults());

  private final Scope scope;
  private final SelfManagedClients aws;
  private final String cluster;
  private final String nodegroup;
  private final String name;
  private final WaitKind deleteWait;

  /**
   * @param scope a scope whose resource is the node group
   */
  public SelfManagedDeletion(
      Scope scope, SelfManagedClients aws, String cluster, String nodegroup, WaitKind deleteWait) {
    this.scope = scope;
    this.aws = aws;
    this.cluster = cluster;
    this.nodegroup = nodegroup;
    this.name = cluster + "-" + nodegroup;
    this.deleteWait = deleteWait;
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
    return scope
        .call(Steps.find("node role"), this::nodeRole)
        .thenCompose(
            role ->
                deleteGroup()
                    .thenCompose(
                        group ->
                            scope
                                .call(
                                    "delete access entry",
                                    () -> role.isPresent() && deleteEntry(role.get()))
                                .thenCompose(
                                    entry ->
                                        scope.call(
                                            "delete instance profile",
                                            ROLE_STILL_IN_PROFILE,
                                            () -> InstanceProfiles.delete(aws.iam(), name)))
                                .thenCompose(
                                    profile ->
                                        scope
                                            .call(
                                                "delete launch template",
                                                () ->
                                                    LaunchTemplateCalls.delete(
                                                        aws.ec2(), name, true))
                                            .thenApply(template -> group || profile || template))));
  }

  /**
   * From the group's tag, the instance profile, or the launch template's tag: whichever is left.
   */
  private Optional<String> nodeRole() {
    return AutoScalingGroups.describe(aws.autoScaling(), name)
        .map(group -> AutoScalingGroups.tagMap(group).get(NodeTags.NODE_ROLE))
        .or(() -> InstanceProfiles.roles(aws.iam(), name).stream().findFirst())
        .or(
            () ->
                LaunchTemplateCalls.find(aws.ec2(), name)
                    .map(template -> LaunchTemplateCalls.tagMap(template).get(NodeTags.NODE_ROLE)));
  }

  private CompletableFuture<Boolean> deleteGroup() {
    return scope
        .call(
            "delete auto scaling group",
            () ->
                AutoScalingGroups.forceDelete(aws.autoScaling(), scope.resource(), name, nodegroup))
        .thenCompose(
            deleting ->
                !deleting
                    ? CompletableFuture.completedFuture(false)
                    : scope.await(
                        Steps.WAIT_DELETED,
                        deleteWait,
                        () ->
                            AutoScalingGroups.describe(aws.autoScaling(), name)
                                .<Readiness<Boolean>>map(
                                    group -> Readiness.pending(String.valueOf(group.status())))
                                .orElse(Readiness.ready("DELETED", true))));
  }

  /**
   * Only when neither a managed node group nor another of ekskit's groups uses the role. A cluster
   * that is gone has neither, nor an entry.
   */
  private boolean deleteEntry(String roleArn) {
    boolean managedUses =
        AwsErrors.absentAsEmpty(
                () ->
                    Optional.of(
                        aws
                            .eks()
                            .listNodegroupsPaginator(r -> r.clusterName(cluster))
                            .nodegroups()
                            .stream()
                            .anyMatch(other -> roleArn.equals(nodeRoleOf(other)))))
            .orElse(false);
    boolean selfManagedUses =
        AutoScalingGroups.ofCluster(aws.autoScaling(), cluster).stream()
            .map(AutoScalingGroups::tagMap)
            .filter(tags -> !nodegroup.equals(tags.get(NodeTags.NODEGROUP)))
            .anyMatch(tags -> roleArn.equals(tags.get(NodeTags.NODE_ROLE)));
    return !managedUses
        && !selfManagedUses
        && NodeAccessEntries.deleteIfOurs(aws.eks(), cluster, roleArn);
  }

  private String nodeRoleOf(String managedNodegroup) {
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    aws.eks()
                        .describeNodegroup(
                            r -> r.clusterName(cluster).nodegroupName(managedNodegroup))
                        .nodegroup()))
        .map(Nodegroup::nodeRole)
        .orElse(null);
  }
}
