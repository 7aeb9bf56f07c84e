package dev.ekskit.nodes.internal;

import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.nodes.Scaling;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import java.util.concurrent.CompletableFuture;

/** New scaling limits for a self-managed group, then the wait until it has its desired size. */
public final class SelfManagedScaling {
  private SelfManagedScaling() {}

  public static CompletableFuture<SelfManagedNodegroupInfo> run(
      Scope scope,
      SelfManagedClients aws,
      String cluster,
      String nodegroup,
      Scaling scaling,
      WaitKind wait) {
    String name = cluster + "-" + nodegroup;
    return scope
        .call(
            "update scaling",
            () ->
                aws.autoScaling()
                    .updateAutoScalingGroup(
                        r ->
                            r.autoScalingGroupName(name)
                                .minSize(scaling.minSize())
                                .desiredCapacity(scaling.desiredSize())
                                .maxSize(scaling.maxSize())))
        .thenCompose(
            updated ->
                SelfManagedReadiness.await(
                    scope,
                    aws.autoScaling(),
                    name,
                    wait,
                    SelfManagedDeletion.call(cluster, nodegroup)))
        .thenApply(group -> AutoScalingGroups.info(cluster, nodegroup, group));
  }
}
