package dev.ekskit.nodes.internal;

import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.CascadePart;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Deletes every self-managed node group ekskit made for a cluster, in parallel: what a cluster
 * delete runs, since EKS knows nothing of these groups and would leave their instances running.
 */
public final class SelfManagedCascade implements CascadePart {
  private final SelfManagedClients aws;
  private final WaitKind deleteWait;

  public SelfManagedCascade(SelfManagedClients aws, WaitKind deleteWait) {
    this.aws = aws;
    this.deleteWait = deleteWait;
  }

  @Override
  public String kind() {
    return "self-managed node groups";
  }

  @Override
  public CompletableFuture<List<String>> deleteAll(OperationContext context, String cluster) {
    return StepRetry.run(
            context,
            context.resource(),
            "list self-managed node groups",
            StepRetry.RETRYABLE,
            () ->
                AutoScalingGroups.ofCluster(aws.autoScaling(), cluster).stream()
                    .map(g -> AutoScalingGroups.tagMap(g).get(AutoScalingGroups.NODEGROUP_TAG))
                    .distinct()
                    .sorted()
                    .toList())
        .thenCompose(
            names -> {
              List<CompletableFuture<Boolean>> runs =
                  names.stream()
                      .map(
                          name ->
                              new SelfManagedDeletion(context, aws, cluster, name, deleteWait)
                                  .run())
                      .toList();
              return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                  .thenApply(all -> names);
            });
  }
}
