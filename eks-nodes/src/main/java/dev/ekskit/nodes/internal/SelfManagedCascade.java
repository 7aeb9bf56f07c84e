package dev.ekskit.nodes.internal;

import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.CascadePart;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes every self-managed node group ekskit made for a cluster, in parallel: what a cluster
 * delete runs, since EKS knows nothing of these groups and would leave their instances running.
 */
public final class SelfManagedCascade implements CascadePart {
  private static final Logger LOG = LoggerFactory.getLogger(SelfManagedCascade.class);

  private final SelfManagedClients aws;
  private final WaitKind deleteWait;

  public SelfManagedCascade(SelfManagedClients aws, WaitKind deleteWait) {
    this.aws = aws;
    this.deleteWait = deleteWait;
  }

  @Override
  public String kind() {
    return SELF_MANAGED_NODEGROUPS;
  }

  /**
   * The node groups' names. A caller without Auto Scaling permissions cannot have made any through
   * ekskit: the cluster delete goes on, and the event and log say what was not checked.
   */
  private List<String> names(OperationContext context, String cluster) {
    try {
      return AutoScalingGroups.ofCluster(aws.autoScaling(), cluster).stream()
          .map(g -> AutoScalingGroups.tagMap(g).get(AutoScalingGroups.NODEGROUP_TAG))
          .distinct()
          .sorted()
          .toList();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.ACCESS_DENIED)) {
        throw e;
      }
      context.observed(
          context.resource(), "list self-managed node groups", "ACCESS_DENIED", Duration.ZERO, 1);
      LOG.warn(
          "{}: may not list Auto Scaling groups, so self-managed node groups, if any, are not"
              + " deleted: {}",
          context.resource(),
          AwsErrors.describe(e));
      return List.of();
    }
  }

  @Override
  public CompletableFuture<List<String>> deleteAll(OperationContext context, String cluster) {
    return StepRetry.run(
            context,
            context.resource(),
            "list self-managed node groups",
            StepRetry.RETRYABLE,
            () -> names(context, cluster))
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
