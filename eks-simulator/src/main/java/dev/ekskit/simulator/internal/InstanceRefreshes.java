package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.ActiveInstanceRefreshNotFoundException;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshInProgressException;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;

/**
 * The instance refreshes of every Auto Scaling group: at most one active per group ({@code
 * InstanceRefreshInProgress} otherwise), validated as Auto Scaling does, advanced with their group.
 */
final class InstanceRefreshes {
  private static final int MAX_HEALTHY_DEFAULT = 100;

  private final Ids ids;
  private final DurationSampler durations;
  private final FaultPlan faults;
  private final Map<String, List<RollingRefresh>> byGroup = new HashMap<>();

  InstanceRefreshes(Ids ids, DurationSampler durations, FaultPlan faults) {
    this.ids = ids;
    this.durations = durations;
    this.faults = faults;
  }

  /** Starts a refresh of {@code group}; its id. */
  String start(
      ScalingGroup group,
      StartInstanceRefreshRequest request,
      Instant now,
      InstanceLaunches launches) {
    if (request.strategyAsString() != null && !"Rolling".equals(request.strategyAsString())) {
      throw Errors.validationError(
          "The simulated Auto Scaling refreshes instances with the Rolling strategy only");
    }
    RefreshPreferences preferences = withDefaults(request.preferences());
    requireValid(preferences);
    requireValid(request.desiredConfiguration(), launches);
    if (group.deletedAt != null) {
      throw Errors.validationError("AutoScalingGroup " + group.name + " is pending delete");
    }
    if (refreshesOf(group.name).stream().anyMatch(RollingRefresh::active)) {
      throw Errors.autoScaling(
          InstanceRefreshInProgressException.builder(),
          400,
          "InstanceRefreshInProgress",
          "An Instance Refresh is already in progress and blocks the execution of this Instance"
              + " Refresh.");
    }
    RollingRefresh refresh =
        new RollingRefresh(
            ids.uuid(),
            group,
            request.desiredConfiguration(),
            preferences,
            now,
            durations.draw(Transition.INSTANCE_REFRESH_START),
            warmup(group, preferences),
            faults.takeRefreshFailure(group.name).orElse(null));
    byGroup.computeIfAbsent(group.name, key -> new ArrayList<>()).add(refresh);
    return refresh.id;
  }

  /** The refreshes of a group, newest first, those named in {@code refreshIds} if any. */
  List<InstanceRefresh> describe(String groupName, List<String> refreshIds) {
    List<RollingRefresh> newestFirst = new ArrayList<>(refreshesOf(groupName));
    Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(r -> refreshIds.isEmpty() || refreshIds.contains(r.id))
        .map(RollingRefresh::view)
        .toList();
  }

  /** Cancels the active refresh of a group; its id. */
  String cancel(String groupName, Instant now) {
    RollingRefresh active =
        refreshesOf(groupName).stream()
            .filter(RollingRefresh::active)
            .findFirst()
            .orElseThrow(
                () ->
                    Errors.autoScaling(
                        ActiveInstanceRefreshNotFoundException.builder(),
                        400,
                        "ActiveInstanceRefreshNotFound",
                        "No in progress or pending Instance Refresh found for Auto Scaling group "
                            + groupName));
    active.cancel(now);
    return active.id;
  }

  void advance(ScalingGroup group, Instant now, InstanceLaunches launches) {
    refreshesOf(group.name).forEach(refresh -> refresh.advance(group, now, launches));
  }

  /** A deleted group takes its refreshes with it. */
  void forget(String groupName) {
    byGroup.remove(groupName);
  }

  private List<RollingRefresh> refreshesOf(String groupName) {
    return byGroup.getOrDefault(groupName, List.of());
  }

  /** As DescribeInstanceRefreshes shows them: the defaults Auto Scaling applied filled in. */
  private static RefreshPreferences withDefaults(RefreshPreferences asked) {
    RefreshPreferences given = asked == null ? RefreshPreferences.builder().build() : asked;
    return given.toBuilder()
        .minHealthyPercentage(
            Objects.requireNonNullElse(
                given.minHealthyPercentage(), RollingRefresh.DEFAULT_MIN_HEALTHY_PERCENTAGE))
        .maxHealthyPercentage(
            Objects.requireNonNullElse(given.maxHealthyPercentage(), MAX_HEALTHY_DEFAULT))
        .skipMatching(Objects.requireNonNullElse(given.skipMatching(), false))
        .build();
  }

  private static void requireValid(RefreshPreferences preferences) {
    int min = preferences.minHealthyPercentage();
    int max = preferences.maxHealthyPercentage();
    if (min < 0 || min > 100) {
      throw Errors.validationError("MinHealthyPercentage must be between 0 and 100: " + min);
    }
    if (max < 100 || max > 200 || max - min > 100) {
      throw Errors.validationError(
          "MaxHealthyPercentage must be between 100 and 200, and at most 100 above"
              + " MinHealthyPercentage: "
              + max);
    }
    if (preferences.instanceWarmup() != null && preferences.instanceWarmup() < 0) {
      throw Errors.validationError(
          "InstanceWarmup must not be negative: " + preferences.instanceWarmup());
    }
  }

  /** A desired configuration names one launch template (plain or mixed) that exists. */
  private static void requireValid(DesiredConfiguration desired, InstanceLaunches launches) {
    if (desired == null) {
      return;
    }
    if (desired.launchTemplate() != null && desired.mixedInstancesPolicy() != null) {
      throw Errors.validationError(
          "A desired configuration can specify a LaunchTemplate or a MixedInstancesPolicy, not"
              + " both");
    }
    var template = ScalingGroup.template(desired.launchTemplate(), desired.mixedInstancesPolicy());
    if (template == null) {
      return;
    }
    try {
      launches.resolve(template);
    } catch (AwsServiceException e) {
      throw Errors.validationError(
          "You must use a valid fully-formed launch template. "
              + e.awsErrorDetails().errorMessage());
    }
  }

  /**
   * The preference's warmup, else the group's DefaultInstanceWarmup, else its
   * HealthCheckGracePeriod, as Auto Scaling picks it.
   */
  private static Duration warmup(ScalingGroup group, RefreshPreferences preferences) {
    Integer seconds =
        preferences.instanceWarmup() != null
            ? preferences.instanceWarmup()
            : group.defaultInstanceWarmup != null
                ? group.defaultInstanceWarmup
                : Objects.requireNonNullElse(group.healthCheckGracePeriod, 0);
    return Duration.ofSeconds(seconds);
  }
}
