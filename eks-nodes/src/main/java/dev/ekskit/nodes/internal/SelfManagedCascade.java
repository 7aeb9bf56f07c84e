package dev.ekskit.nodes.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes every self-managed node group ekskit made for a cluster, in parallel: EKS knows nothing
 * of these groups and would leave their instances running. A group is found through any part that
 * is left (its Auto Scaling group, launch template or instance profile), so a cascade stopped
 * halfway still finds what remains. When the caller may not list Auto Scaling groups, the preflight
 * refuses the whole cascade, before anything is deleted, while such instances run ({@link
 * StrandedNodesGuard}).
 */
public final class SelfManagedCascade implements CascadeStep {
  private static final Logger LOG = LoggerFactory.getLogger(SelfManagedCascade.class);

  private final KitContext kit;
  private final WaitKind deleteWait;

  public SelfManagedCascade(KitContext kit, WaitKind deleteWait) {
    this.kit = kit;
    this.deleteWait = deleteWait;
  }

  @Override
  public String kind() {
    return "self-managed node groups";
  }

  @Override
  public void verify() {
    SelfManagedClients.of(kit);
  }

  @Override
  public CompletableFuture<Void> preflight(Scope scope, String cluster) {
    SelfManagedClients aws = SelfManagedClients.of(kit);
    return scope
        .call(
            Steps.check("for stranded self-managed nodes"),
            () -> StrandedNodesGuard.check(scope, aws, cluster))
        .thenApply(checked -> null);
  }

  @Override
  public CompletableFuture<List<String>> delete(Scope scope, String cluster) {
    SelfManagedClients aws = SelfManagedClients.of(kit);
    return scope
        .call("list self-managed node groups", () -> names(aws, cluster))
        .thenCompose(
            names ->
                scope
                    .parallel(
                        names,
                        names.size() + 1,
                        name ->
                            new SelfManagedDeletion(
                                    scope.child(
                                        ResourceRef.child("self-managed-nodegroup", cluster, name)),
                                    aws,
                                    cluster,
                                    name,
                                    deleteWait)
                                .run())
                    .thenApply(deleted -> names));
  }

  /**
   * Every node group with a part left. A caller who may not list one kind of part cannot have made
   * it through ekskit (and the preflight has checked for running instances): that kind is skipped,
   * and the log says so.
   */
  private static List<String> names(SelfManagedClients aws, String cluster) {
    TreeSet<String> names = new TreeSet<>();
    names.addAll(
        unlessDenied(
            cluster,
            "Auto Scaling groups",
            () ->
                AutoScalingGroups.ofCluster(aws.autoScaling(), cluster).stream()
                    .map(group -> AutoScalingGroups.tagMap(group).get(NodeTags.NODEGROUP))
                    .toList()));
    names.addAll(
        unlessDenied(
            cluster,
            "launch templates",
            () ->
                LaunchTemplateCalls.ofCluster(aws.ec2(), cluster).stream()
                    .map(template -> LaunchTemplateCalls.tagMap(template).get(NodeTags.NODEGROUP))
                    .toList()));
    names.addAll(
        unlessDenied(
            cluster, "instance profiles", () -> InstanceProfiles.nodegroupsOf(aws.iam(), cluster)));
    return List.copyOf(names);
  }

  private static List<String> unlessDenied(
      String cluster, String what, Supplier<List<String>> list) {
    try {
      return list.get();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.ACCESS_DENIED)) {
        throw e;
      }
      LOG.warn(
          "cluster {}: may not list {}, so self-managed node groups found only through them are not"
              + " deleted: {}",
          cluster,
          what,
          AwsErrors.describe(e));
      return List.of();
    }
  }
}
