package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;

/**
 * One instance refresh of an Auto Scaling group on virtual time: Pending for a drawn moment, then
 * InProgress, replacing the group's instances in batches (as many at once as MinHealthyPercentage
 * leaves out of service, at least one). A batch terminates its old instances and launches new ones
 * from the desired configuration (or the group's own, when none was given); it is done once they
 * are InService and warmed up, and the next starts. Then Successful, and the group takes on the
 * desired configuration; or Failed with a reason (a launch that fails; a test's fault, after the
 * first batch or at once when nothing needs replacing), old and new instances staying as they are;
 * or Cancelling until the batch in flight is done, then Cancelled.
 */
final class RollingRefresh {
  static final int DEFAULT_MIN_HEALTHY_PERCENTAGE = 90;
  private static final String LAUNCH_CAUSE =
      "an instance was launched in response to an instance refresh.";
  private static final String TERMINATE_CAUSE =
      "an instance was taken out of service in response to an instance refresh.";

  final String id;
  private final String groupName;
  private final DesiredConfiguration desired;
  private final RefreshPreferences preferences;
  private final Instant startedAt;
  private final Instant inProgressAt;
  private final Duration warmup;
  private final String injectedFailure;
  private final boolean configured;
  private final LaunchTemplateSpecification target;
  private final MixedInstancesPolicy targetMixed;
  private InstanceRefreshStatus status = InstanceRefreshStatus.PENDING;
  private String statusReason;
  private Instant endedAt;
  private Instant lastEventAt;
  private final Deque<String> toReplace = new ArrayDeque<>();
  private int total;
  private int replaced;
  private List<ScalingGroup.Node> batch = List.of();
  private Instant batchDoneAt;

  RollingRefresh(
      String id,
      ScalingGroup group,
      DesiredConfiguration desired,
      RefreshPreferences preferences,
      Instant startedAt,
      Duration pending,
      Duration warmup,
      String injectedFailure) {
    this.id = id;
    this.groupName = group.name;
    this.desired = desired;
    this.preferences = preferences;
    this.startedAt = startedAt;
    this.inProgressAt = startedAt.plus(pending);
    this.warmup = warmup;
    this.injectedFailure = injectedFailure;
    this.configured =
        desired != null
            && (desired.launchTemplate() != null || desired.mixedInstancesPolicy() != null);
    this.target = configured ? desired.launchTemplate() : group.launchTemplate;
    this.targetMixed = configured ? desired.mixedInstancesPolicy() : group.mixedInstancesPolicy;
  }

  /** Pending, InProgress or Cancelling: it blocks another refresh of its group. */
  boolean active() {
    return status == InstanceRefreshStatus.PENDING
        || status == InstanceRefreshStatus.IN_PROGRESS
        || status == InstanceRefreshStatus.CANCELLING;
  }

  /** Everything that fell due by {@code now}, in order. */
  void advance(ScalingGroup group, Instant now, InstanceLaunches launches) {
    if (status == InstanceRefreshStatus.PENDING) {
      if (now.isBefore(inProgressAt)) {
        return;
      }
      status = InstanceRefreshStatus.IN_PROGRESS;
      lastEventAt = inProgressAt;
      if (!plan(group, launches)) {
        return;
      }
    }
    while (active()) {
      if (!batch.isEmpty()) {
        if (now.isBefore(batchDoneAt)) {
          return;
        }
        replaced += batch.size();
        batch = List.of();
        lastEventAt = batchDoneAt;
        if (injectedFailure != null) {
          end(InstanceRefreshStatus.FAILED, injectedFailure);
          return;
        }
      }
      if (status == InstanceRefreshStatus.CANCELLING) {
        end(InstanceRefreshStatus.CANCELLED, "The instance refresh was cancelled.");
        return;
      }
      startBatch(group, launches);
    }
  }

  /** Pending ends at once; InProgress finishes the batch in flight first. */
  void cancel(Instant now) {
    if (status == InstanceRefreshStatus.PENDING) {
      lastEventAt = now;
      end(InstanceRefreshStatus.CANCELLED, "The instance refresh was cancelled.");
    } else if (status == InstanceRefreshStatus.IN_PROGRESS) {
      status = InstanceRefreshStatus.CANCELLING;
    }
  }

  InstanceRefresh view() {
    int percentage =
        status == InstanceRefreshStatus.SUCCESSFUL ? 100 : total == 0 ? 0 : replaced * 100 / total;
    int remaining = total - replaced;
    return InstanceRefresh.builder()
        .instanceRefreshId(id)
        .autoScalingGroupName(groupName)
        .status(status)
        .statusReason(statusReason)
        .startTime(startedAt)
        .endTime(endedAt)
        .percentageComplete(percentage)
        .instancesToUpdate(remaining)
        .progressDetails(
            p ->
                p.livePoolProgress(
                    l -> l.percentageComplete(percentage).instancesToUpdate(remaining)))
        .preferences(preferences)
        .desiredConfiguration(desired)
        .strategy(RefreshStrategy.ROLLING)
        .build();
  }

  /** Lists what to replace; false when the refresh already ended. */
  private boolean plan(ScalingGroup group, InstanceLaunches launches) {
    LaunchTemplateStore.Resolved wanted;
    try {
      wanted = launches.resolve(targetTemplate());
    } catch (AwsServiceException e) {
      end(InstanceRefreshStatus.FAILED, e.awsErrorDetails().errorMessage());
      return false;
    }
    boolean skipMatching = Boolean.TRUE.equals(preferences.skipMatching());
    List<String> types = ScalingGroup.overrideTypes(targetMixed);
    group.live().stream()
        .filter(node -> !(skipMatching && matches(node, wanted, types)))
        .forEach(node -> toReplace.add(node.id));
    total = toReplace.size();
    return true;
  }

  private static boolean matches(
      ScalingGroup.Node node, LaunchTemplateStore.Resolved wanted, List<String> types) {
    boolean sameVersion =
        wanted.templateId().equals(node.launchedFrom.launchTemplateId())
            && String.valueOf(wanted.version()).equals(node.launchedFrom.version());
    boolean sameType =
        types.isEmpty()
            ? Objects.equals(wanted.data().instanceTypeAsString(), node.instanceType)
            : types.contains(node.instanceType);
    return sameVersion && sameType;
  }

  private void startBatch(ScalingGroup group, InstanceLaunches launches) {
    List<String> live = group.live().stream().map(node -> node.id).toList();
    toReplace.removeIf(nodeId -> !live.contains(nodeId));
    total = replaced + toReplace.size();
    if (toReplace.isEmpty()) {
      if (injectedFailure != null) {
        end(InstanceRefreshStatus.FAILED, injectedFailure);
        return;
      }
      if (configured) {
        group.launchTemplate = target;
        group.mixedInstancesPolicy = targetMixed;
      }
      end(InstanceRefreshStatus.SUCCESSFUL, null);
      return;
    }
    Optional<String> failure = launches.failure(group, targetTemplate(), lastEventAt);
    if (failure.isPresent()) {
      end(
          InstanceRefreshStatus.FAILED,
          "Launching a replacement instance failed: " + failure.get());
      return;
    }
    int size = Math.min(toReplace.size(), batchSize(group.desired));
    List<ScalingGroup.Node> launched = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String old = toReplace.poll();
      group.nodes.stream()
          .filter(node -> node.id.equals(old))
          .forEach(
              node -> {
                launches.terminate(node, lastEventAt);
                group.activities.add(
                    launches.activity(
                        group,
                        lastEventAt,
                        "Successful",
                        null,
                        "Terminating EC2 instance: " + node.id,
                        TERMINATE_CAUSE));
              });
      launched.add(
          launches.launch(
              group,
              targetTemplate(),
              ScalingGroup.overrideTypes(targetMixed),
              lastEventAt,
              LAUNCH_CAUSE));
    }
    batch = launched;
    Instant lastInService =
        launched.stream().map(node -> node.inServiceAt).max(Instant::compareTo).orElseThrow();
    batchDoneAt = lastInService.plus(warmup);
  }

  /** How many instances may be out of service at once: at least one. */
  private int batchSize(int desiredCapacity) {
    int minHealthy =
        Objects.requireNonNullElse(
            preferences.minHealthyPercentage(), DEFAULT_MIN_HEALTHY_PERCENTAGE);
    int keep = (int) Math.ceil(desiredCapacity * minHealthy / 100.0);
    return Math.max(1, desiredCapacity - keep);
  }

  private LaunchTemplateSpecification targetTemplate() {
    return ScalingGroup.template(target, targetMixed);
  }

  private void end(InstanceRefreshStatus ended, String reason) {
    status = ended;
    statusReason = reason;
    endedAt = lastEventAt;
  }
}
