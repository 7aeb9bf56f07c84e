package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Auto Scaling groups and their instances on virtual time. A group launches up to its desired size
 * from the launch template version in effect at each launch; each instance is Pending for a drawn
 * minute or few, then InService. A launch fails, and is retried every {@link #RETRY_AFTER_FAILURE},
 * while {@link InstanceLaunches} says so. Instance refreshes replace instances in batches. State is
 * brought up to date on every call.
 */
final class AutoScalingStore {
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(20);
  private static final String DELETING = "Delete in progress";
  private static final String CAPACITY_CAUSE =
      "an instance was started in response to a difference between desired and actual capacity.";

  private final String region;
  private final String accountId;
  private final Ids ids;
  private final Supplier<Instant> clock;
  private final DurationSampler durations;
  private final InstanceLaunches launches;
  private final InstanceRefreshes refreshes;
  private final Ec2Network network;
  private final Map<String, ScalingGroup> groups = new LinkedHashMap<>();

  AutoScalingStore(
      String region,
      String accountId,
      Ids ids,
      Supplier<Instant> clock,
      DurationSampler durations,
      FaultPlan faults,
      IamState iam,
      LaunchTemplateStore launchTemplates,
      Ec2Network network) {
    this.region = region;
    this.accountId = accountId;
    this.ids = ids;
    this.clock = clock;
    this.durations = durations;
    this.launches = new InstanceLaunches(ids, durations, faults, iam, launchTemplates);
    this.refreshes = new InstanceRefreshes(ids, durations, faults);
    this.network = network;
  }

  void create(CreateAutoScalingGroupRequest request) {
    String name = request.autoScalingGroupName();
    if (groups.containsKey(name)) {
      throw Errors.autoScaling(
          AlreadyExistsException.builder(),
          400,
          "AlreadyExists",
          "AutoScalingGroup by this name already exists - A group with the name "
              + name
              + " already exists");
    }
    requireTemplate(
        ScalingGroup.template(request.launchTemplate(), request.mixedInstancesPolicy()));
    requireSizes(
        request.minSize(),
        request.desiredCapacity() == null ? request.minSize() : request.desiredCapacity(),
        request.maxSize());
    List<Subnet> subnets = subnets(request.vpcZoneIdentifier());
    String arn =
        "arn:aws:autoscaling:"
            + region
            + ":"
            + accountId
            + ":autoScalingGroup:"
            + ids.uuid()
            + ":autoScalingGroupName/"
            + name;
    groups.put(name, new ScalingGroup(request, arn, clock.get(), subnets));
  }

  private List<Subnet> subnets(String vpcZoneIdentifier) {
    List<Subnet> subnets = new ArrayList<>();
    for (String id : String.valueOf(vpcZoneIdentifier).split(",")) {
      subnets.add(
          network
              .subnet(id.trim())
              .orElseThrow(
                  () -> Errors.validationError("The subnet ID '" + id + "' does not exist")));
    }
    return subnets;
  }

  List<AutoScalingGroup> describe(List<String> names) {
    return groups.values().stream()
        .filter(g -> names.isEmpty() || names.contains(g.name))
        .map(this::view)
        .toList();
  }

  /**
   * New sizes (instances above the desired size terminate at once, missing ones launch), a new
   * launch template or mixed instances policy, new subnets (for launches from now on: running
   * instances stay as they were launched), new warmup settings.
   */
  void update(UpdateAutoScalingGroupRequest request) {
    ScalingGroup group = require(request.autoScalingGroupName());
    if (request.launchTemplate() != null && request.mixedInstancesPolicy() != null) {
      throw Errors.validationError(
          "Valid requests must contain either LaunchTemplate or MixedInstancesPolicy, not both");
    }
    LaunchTemplateSpecification template =
        ScalingGroup.template(request.launchTemplate(), request.mixedInstancesPolicy());
    if (template != null) {
      requireTemplate(template);
    }
    int newMin = request.minSize() == null ? group.min : request.minSize();
    int newMax = request.maxSize() == null ? group.max : request.maxSize();
    int newDesired =
        request.desiredCapacity() == null
            ? Math.max(newMin, Math.min(group.desired, newMax))
            : request.desiredCapacity();
    requireSizes(newMin, newDesired, newMax);
    if (request.vpcZoneIdentifier() != null) {
      // Launches from now on use the new subnets; running instances stay where they are.
      group.subnets = subnets(request.vpcZoneIdentifier());
      group.vpcZoneIdentifier = request.vpcZoneIdentifier();
    }
    if (template != null) {
      group.launchTemplate = request.launchTemplate();
      group.mixedInstancesPolicy = request.mixedInstancesPolicy();
    }
    if (request.defaultInstanceWarmup() != null) {
      group.defaultInstanceWarmup = request.defaultInstanceWarmup();
    }
    if (request.healthCheckGracePeriod() != null) {
      group.healthCheckGracePeriod = request.healthCheckGracePeriod();
    }
    group.min = newMin;
    group.max = newMax;
    group.desired = newDesired;
    List<ScalingGroup.Node> live = group.live();
    Instant now = clock.get();
    for (int i = live.size() - 1; i >= newDesired; i--) {
      launches.terminate(live.get(i), now);
    }
    if (live.size() < newDesired && group.nextAttemptAt.equals(Instant.MAX)) {
      group.nextAttemptAt = now;
    }
  }

  void delete(String name, boolean force) {
    ScalingGroup group = require(name);
    if (group.deletedAt != null) {
      return;
    }
    if (!force && !group.live().isEmpty()) {
      throw Errors.autoScaling(
          ResourceInUseException.builder(),
          400,
          "ResourceInUse",
          "You cannot delete an AutoScalingGroup while there are instances or pending Spot"
              + " instance request(s) still in the group.");
    }
    Instant now = clock.get();
    Instant done = now.plus(durations.draw(Transition.INSTANCE_TERMINATE));
    for (ScalingGroup.Node node : group.live()) {
      launches.terminate(node, now);
      done = node.goneAt.isAfter(done) ? node.goneAt : done;
    }
    group.deletedAt = done;
    group.nextAttemptAt = Instant.MAX;
  }

  List<Activity> activities(String name, Integer maxRecords) {
    ScalingGroup group = groups.get(name);
    if (group == null) {
      return List.of();
    }
    List<Activity> newestFirst = new ArrayList<>(group.activities);
    Collections.reverse(newestFirst);
    return maxRecords == null ? newestFirst : newestFirst.stream().limit(maxRecords).toList();
  }

  String startInstanceRefresh(StartInstanceRefreshRequest request) {
    return refreshes.start(require(request.autoScalingGroupName()), request, clock.get(), launches);
  }

  /** The refreshes of a group, newest first; none for a group that does not exist. */
  List<InstanceRefresh> instanceRefreshes(String groupName, List<String> refreshIds) {
    if (groupName == null) {
      throw Errors.validationError("AutoScalingGroupName is required");
    }
    return refreshes.describe(groupName, refreshIds);
  }

  String cancelInstanceRefresh(String groupName) {
    require(groupName);
    return refreshes.cancel(groupName, clock.get());
  }

  /**
   * The groups' instances as EC2 describes them, with the tags their group propagates at launch and
   * the launch template tags EC2 adds ({@code aws:ec2launchtemplate:id} and {@code
   * aws:ec2launchtemplate:version}), that match every filter ({@code tag-key}, {@code tag:<key>},
   * {@code instance-state-name}).
   */
  List<software.amazon.awssdk.services.ec2.model.Instance> ec2Instances(List<Filter> filters) {
    Instant now = clock.get();
    List<software.amazon.awssdk.services.ec2.model.Instance> found = new ArrayList<>();
    for (ScalingGroup group : groups.values()) {
      for (ScalingGroup.Node node : group.nodes) {
        Map<String, String> tags = new LinkedHashMap<>();
        group.request.tags().stream()
            .filter(t -> Boolean.TRUE.equals(t.propagateAtLaunch()))
            .forEach(t -> tags.put(t.key(), t.value()));
        tags.put("aws:autoscaling:groupName", group.name);
        tags.put("aws:ec2launchtemplate:id", node.launchedFrom.launchTemplateId());
        tags.put("aws:ec2launchtemplate:version", node.launchedFrom.version());
        String state = ec2State(instance(node, now).lifecycleStateAsString());
        if (filters.stream().allMatch(f -> matches(f, state, tags))) {
          found.add(
              software.amazon.awssdk.services.ec2.model.Instance.builder()
                  .instanceId(node.id)
                  .instanceType(node.instanceType)
                  .imageId(node.imageId)
                  .state(s -> s.name(state))
                  .placement(p -> p.availabilityZone(node.zone))
                  .tags(
                      tags.entrySet().stream()
                          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                          .toList())
                  .build());
        }
      }
    }
    return found;
  }

  private static String ec2State(String lifecycleState) {
    return switch (lifecycleState) {
      case "Pending" -> "pending";
      case "InService" -> "running";
      default -> "shutting-down";
    };
  }

  /** Whether an instance in {@code state} with {@code tags} passes one DescribeInstances filter. */
  static boolean matches(Filter filter, String state, Map<String, String> tags) {
    String name = filter.name();
    if (name.equals("instance-state-name")) {
      return filter.values().contains(state);
    }
    if (name.equals("tag-key")) {
      return filter.values().stream().anyMatch(tags::containsKey);
    }
    return name.startsWith("tag:") && filter.values().contains(tags.get(name.substring(4)));
  }

  /** Launches, failures, refreshes and terminations up to virtual now; deleted groups go. */
  void settle() {
    Instant now = clock.get();
    for (ScalingGroup group : groups.values()) {
      advance(group, now);
      refreshes.advance(group, now, launches);
      group.nodes.removeIf(n -> n.goneAt != null && !now.isBefore(n.goneAt));
    }
    List<String> gone =
        groups.values().stream()
            .filter(g -> g.deletedAt != null && !now.isBefore(g.deletedAt))
            .map(g -> g.name)
            .toList();
    gone.forEach(
        name -> {
          groups.remove(name);
          refreshes.forget(name);
        });
  }

  private void advance(ScalingGroup group, Instant now) {
    while (group.live().size() < group.desired && !group.nextAttemptAt.isAfter(now)) {
      Instant at = group.nextAttemptAt;
      Optional<String> failure = launches.failure(group, group.template(), at);
      if (failure.isPresent()) {
        group.activities.add(
            launches.activity(
                group,
                at,
                "Failed",
                failure.get(),
                "Launching a new EC2 instance.  Status Reason: " + failure.get(),
                CAPACITY_CAUSE));
        group.nextAttemptAt = at.plus(RETRY_AFTER_FAILURE);
        continue;
      }
      int missing = group.desired - group.live().size();
      for (int i = 0; i < missing; i++) {
        launches.launch(group, group.template(), group.overrideTypes(), at, CAPACITY_CAUSE);
      }
      group.nextAttemptAt = Instant.MAX;
    }
  }

  private AutoScalingGroup view(ScalingGroup group) {
    Instant now = clock.get();
    return AutoScalingGroup.builder()
        .autoScalingGroupName(group.name)
        .autoScalingGroupARN(group.arn)
        .launchTemplate(group.launchTemplate)
        .mixedInstancesPolicy(group.mixedInstancesPolicy)
        .minSize(group.min)
        .desiredCapacity(group.desired)
        .maxSize(group.max)
        .defaultInstanceWarmup(group.defaultInstanceWarmup)
        .healthCheckGracePeriod(group.healthCheckGracePeriod)
        .vpcZoneIdentifier(group.vpcZoneIdentifier)
        .availabilityZones(group.subnets.stream().map(Subnet::availabilityZone).distinct().toList())
        .createdTime(group.createdAt)
        .healthCheckType("EC2")
        .status(group.deletedAt != null ? DELETING : null)
        .instances(group.nodes.stream().map(n -> instance(n, now)).toList())
        .tags(
            group.request.tags().stream()
                .map(
                    t ->
                        TagDescription.builder()
                            .resourceId(group.name)
                            .resourceType("auto-scaling-group")
                            .key(t.key())
                            .value(t.value())
                            .propagateAtLaunch(t.propagateAtLaunch())
                            .build())
                .toList())
        .build();
  }

  /**
   * An instance as DescribeAutoScalingGroups lists it, with the launch template version it was
   * launched from as a number ({@code $Latest} and {@code $Default} resolved at launch, as EC2's
   * {@code aws:ec2launchtemplate:version} tag has it).
   */
  private static Instance instance(ScalingGroup.Node node, Instant now) {
    String state =
        node.terminatingAt != null
            ? "Terminating"
            : now.isBefore(node.inServiceAt) ? "Pending" : "InService";
    return Instance.builder()
        .instanceId(node.id)
        .instanceType(node.instanceType)
        .imageId(node.imageId)
        .availabilityZone(node.zone)
        .lifecycleState(state)
        .healthStatus("Healthy")
        .launchTemplate(node.launchedFrom)
        .protectedFromScaleIn(false)
        .build();
  }

  /** A launch template (plain or of a mixed policy) that resolves, as create and update need. */
  private void requireTemplate(LaunchTemplateSpecification template) {
    if (template == null) {
      throw Errors.validationError(
          "Valid requests must contain either LaunchTemplate or MixedInstancesPolicy");
    }
    try {
      launches.resolve(template);
    } catch (AwsServiceException e) {
      throw Errors.validationError(
          "You must use a valid fully-formed launch template. "
              + e.awsErrorDetails().errorMessage());
    }
  }

  private ScalingGroup require(String name) {
    ScalingGroup group = groups.get(name);
    if (group == null) {
      throw Errors.validationError("AutoScalingGroup name not found - " + name);
    }
    return group;
  }

  private static void requireSizes(int min, int desired, int max) {
    if (min > max || desired < min || desired > max) {
      throw Errors.validationError(
          "Desired capacity:"
              + desired
              + " must be between the specified min size:"
              + min
              + " and max size:"
              + max);
    }
  }
}
