package dev.ekskit.nodes.internal;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;

/**
 * Replaces a node group's instances with ones from its launch template's default version through an
 * Auto Scaling instance refresh, waited until {@code Successful}. Instances already on that version
 * are skipped, and at least {@value #MIN_HEALTHY_PERCENTAGE}% stay in service. A refresh already
 * going on (an earlier run's, or this run's whose answer was lost) is waited for, not started
 * again. {@code Failed}, {@code Cancelled} and the rollbacks end the wait with a {@link
 * ResourceFailedException} naming the group and Auto Scaling's reason.
 */
final class InstanceRefreshes {
  /** Auto Scaling's default: replaces about a tenth of the instances at a time. */
  static final int MIN_HEALTHY_PERCENTAGE = 90;

  private static final Set<String> GOING_ON =
      Set.of("Pending", "InProgress", "Cancelling", "RollbackInProgress", "Baking");
  private static final Set<String> FAILED =
      Set.of("Failed", "Cancelled", "RollbackFailed", "RollbackSuccessful");

  private InstanceRefreshes() {}

  /** Starts a refresh of {@code group}, or finds the one going on, and waits until it succeeds. */
  static CompletableFuture<InstanceRefresh> run(
      Scope scope, AutoScalingClient autoScaling, String group, WaitKind wait) {
    ResourceRef ref = scope.resource();
    return scope
        .call("start instance refresh", () -> start(autoScaling, group))
        .thenCompose(
            id ->
                scope.await(
                    "wait instance refresh", wait, () -> readiness(autoScaling, ref, group, id)));
  }

  /** The id of the refresh this call started, or of the one already going on. */
  private static String start(AutoScalingClient autoScaling, String group) {
    try {
      return autoScaling
          .startInstanceRefresh(
              r ->
                  r.autoScalingGroupName(group)
                      .strategy(RefreshStrategy.ROLLING)
                      .preferences(
                          p -> p.minHealthyPercentage(MIN_HEALTHY_PERCENTAGE).skipMatching(true)))
          .instanceRefreshId();
    } catch (RuntimeException e) {
      if (!"InstanceRefreshInProgress".equals(AwsErrors.errorCode(e))) {
        throw e;
      }
      return goingOn(autoScaling, group)
          .map(InstanceRefresh::instanceRefreshId)
          .orElseThrow(() -> e);
    }
  }

  /** The newest refresh of the group that has not ended. */
  static Optional<InstanceRefresh> goingOn(AutoScalingClient autoScaling, String group) {
    return autoScaling
        .describeInstanceRefreshes(r -> r.autoScalingGroupName(group))
        .instanceRefreshes()
        .stream()
        .filter(refresh -> GOING_ON.contains(refresh.statusAsString()))
        .findFirst();
  }

  private static Readiness<InstanceRefresh> readiness(
      AutoScalingClient autoScaling, ResourceRef ref, String group, String id) {
    InstanceRefresh refresh =
        autoScaling
            .describeInstanceRefreshes(r -> r.autoScalingGroupName(group).instanceRefreshIds(id))
            .instanceRefreshes()
            .get(0);
    String status = refresh.statusAsString();
    if ("Successful".equals(status)) {
      return Readiness.ready(status, refresh);
    }
    if (FAILED.contains(status)) {
      String reason =
          refresh.statusReason() == null ? "Auto Scaling gave no reason" : refresh.statusReason();
      return Readiness.failed(
          status,
          new ResourceFailedException(
              ref,
              "instance refresh " + status,
              List.of(new HealthIssue("InstanceRefresh" + status, reason, List.of(group))),
              "Auto Scaling group "
                  + group
                  + " keeps the instances it did not replace; see why with aws autoscaling"
                  + " describe-scaling-activities --auto-scaling-group-name "
                  + group
                  + ", fix it and apply again: the refresh starts over where it stopped",
              ""));
    }
    Integer done = refresh.percentageComplete();
    return Readiness.pending(done == null ? status : status + " " + done + "%");
  }
}
