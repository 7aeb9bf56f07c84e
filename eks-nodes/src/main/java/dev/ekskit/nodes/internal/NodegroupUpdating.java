package dev.ekskit.nodes.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import dev.ekskit.nodes.NodegroupInfo;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Update;

/**
 * Starts one node group update with a pinned token (a 409 while another change runs is retried),
 * waits for it through {@code DescribeUpdate}, then describes the node group.
 */
public final class NodegroupUpdating {
  private NodegroupUpdating() {}

  /**
   * @param start the blocking update call, given the pinned client request token
   */
  public static CompletableFuture<NodegroupInfo> run(
      Scope scope,
      EksClient eks,
      String cluster,
      String name,
      String step,
      WaitKind kind,
      Function<String, Update> start) {
    ResourceRef ref = scope.resource();
    String token = UUID.randomUUID().toString();
    return scope
        .call(step, StepRetries.whileBusy(), () -> start.apply(token))
        .thenCompose(
            update ->
                scope.await(
                    Steps.waitUpdate(update.id()),
                    kind,
                    () ->
                        EksResources.updateReadiness(
                            ref,
                            eks.describeUpdate(
                                    r -> r.name(cluster).nodegroupName(name).updateId(update.id()))
                                .update())))
        .thenCompose(
            done ->
                scope.call(
                    Steps.DESCRIBE,
                    () ->
                        NodegroupMapping.info(
                            eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                                .nodegroup())));
  }
}
