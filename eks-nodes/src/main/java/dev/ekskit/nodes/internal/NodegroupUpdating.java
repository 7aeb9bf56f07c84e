package dev.ekskit.nodes.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterReadiness;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.Poller;
import dev.ekskit.core.internal.StepRetry;
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
      OperationContext context,
      EksClient eks,
      String cluster,
      String name,
      String step,
      WaitKind kind,
      Function<String, Update> start) {
    ResourceRef ref = context.resource();
    String token = UUID.randomUUID().toString();
    return StepRetry.run(context, ref, step, StepRetry.RETRYABLE_OR_BUSY, () -> start.apply(token))
        .thenCompose(
            update ->
                Poller.await(
                    context,
                    ref,
                    "wait update " + update.id(),
                    context.engine().policy(kind),
                    () ->
                        ClusterReadiness.toSuccessful(
                            ref,
                            eks.describeUpdate(
                                    r -> r.name(cluster).nodegroupName(name).updateId(update.id()))
                                .update())))
        .thenCompose(
            done ->
                StepRetry.run(
                    context,
                    ref,
                    "describe",
                    StepRetry.RETRYABLE,
                    () ->
                        NodegroupMapping.info(
                            eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                                .nodegroup())));
  }
}
