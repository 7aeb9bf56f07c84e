package dev.ekskit.nodes.internal;

import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * When a self-managed node group is ready: its Auto Scaling group has as many InService, healthy
 * instances as it desires, and no more instances than that (a scale-in has finished). Launches
 * failing {@value #FAILURES_IN_A_ROW} times in a row end the wait, except in the first {@code
 * PROPAGATION_GRACE} when the only complaint is an instance profile EC2 cannot see yet (IAM is
 * eventually consistent and Auto Scaling retries by itself).
 */
final class SelfManagedReadiness {
  static final int FAILURES_IN_A_ROW = 3;
  static final Duration PROPAGATION_GRACE = Duration.ofMinutes(3);

  private SelfManagedReadiness() {}

  /** Waits until the group is ready; launches that keep failing end the wait. */
  static CompletableFuture<AutoScalingGroup> await(
      Scope scope, AutoScalingClient autoScaling, String groupName, WaitKind kind, String cleanup) {
    return await(scope, autoScaling, groupName, scope.policy(kind), cleanup);
  }

  /** As {@link #await(Scope, AutoScalingClient, String, WaitKind, String)} on {@code policy}. */
  static CompletableFuture<AutoScalingGroup> await(
      Scope scope,
      AutoScalingClient autoScaling,
      String groupName,
      PollingPolicy policy,
      String cleanup) {
    Instant started = scope.now();
    return scope.await(
        "wait in service",
        policy,
        () ->
            check(
                autoScaling,
                scope.resource(),
                groupName,
                Duration.between(started, scope.now()),
                cleanup));
  }

  /**
   * @param waited how long the wait has run
   * @param cleanup how to remove the group, for the error
   */
  static Readiness<AutoScalingGroup> check(
      AutoScalingClient autoScaling,
      ResourceRef ref,
      String groupName,
      Duration waited,
      String cleanup) {
    Optional<AutoScalingGroup> found = AutoScalingGroups.describe(autoScaling, groupName);
    if (found.isEmpty() || "Delete in progress".equals(found.get().status())) {
      String status = found.isEmpty() ? "DELETED" : "DELETING";
      return Readiness.failed(
          status,
          new ResourceFailedException(
              ref, status, List.of(), "the Auto Scaling group was deleted during the wait", ""));
    }
    AutoScalingGroup group = found.get();
    int inService = AutoScalingGroups.inService(group).size();
    long live =
        group.instances().stream()
            .filter(i -> !"Terminated".equals(i.lifecycleStateAsString()))
            .count();
    String status = inService + "/" + group.desiredCapacity() + " InService";
    if (inService >= group.desiredCapacity() && live <= group.desiredCapacity()) {
      return Readiness.ready(status, group);
    }
    List<Activity> failures =
        LaunchActivities.failedInARow(
            autoScaling
                .describeScalingActivities(
                    r -> r.autoScalingGroupName(groupName).maxRecords(FAILURES_IN_A_ROW * 2))
                .activities());
    boolean graced =
        LaunchActivities.mayBePropagation(failures) && waited.compareTo(PROPAGATION_GRACE) < 0;
    if (failures.size() >= FAILURES_IN_A_ROW && !graced) {
      var issues = LaunchActivities.issues(groupName, failures);
      return Readiness.failed(
          "LAUNCH_FAILED",
          new ResourceFailedException(
              ref, "LAUNCH_FAILED", issues, NodegroupHints.forIssues(issues), cleanup));
    }
    return Readiness.pending(status);
  }
}
