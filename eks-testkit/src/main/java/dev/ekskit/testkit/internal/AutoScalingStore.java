package dev.ekskit.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Auto Scaling groups and their instances on virtual time. A group launches up to its desired size;
 * each instance is Pending for a drawn minute or few, then InService. A launch fails, and is
 * retried every {@link #RETRY_AFTER_FAILURE}, while a test says so or while the template's instance
 * profile is not yet visible to EC2. State is brought up to date on every call.
 */
final class AutoScalingStore {
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(20);
  private static final String DELETING = "Delete in progress";

  private static final class Node {
    final String id;
    final String zone;
    final Instant inServiceAt;
    Instant terminatingAt;
    Instant goneAt;

    Node(String id, String zone, Instant inServiceAt) {
      this.id = id;
      this.zone = zone;
      this.inServiceAt = inServiceAt;
    }
  }

  private static final class Group {
    final CreateAutoScalingGroupRequest request;
    final String arn;
    final Instant createdAt;
    final List<Subnet> subnets;
    final List<Node> nodes = new ArrayList<>();
    final List<Activity> activities = new ArrayList<>();
    int min;
    int desired;
    int max;
    Instant nextAttemptAt;
    Instant deletedAt;

    Group(CreateAutoScalingGroupRequest request, String arn, Instant at, List<Subnet> subnets) {
      this.request = request;
      this.arn = arn;
      this.createdAt = at;
      this.subnets = subnets;
      this.min = request.minSize();
      this.desired =
          request.desiredCapacity() == null ? request.minSize() : request.desiredCapacity();
      this.max = request.maxSize();
      this.nextAttemptAt = at;
    }

    List<Node> live() {
      return nodes.stream().filter(n -> n.terminatingAt == null).toList();
    }
  }

  private final String region;
  private final String accountId;
  private final Ids ids;
  private final Supplier<Instant> clock;
  private final DurationSampler durations;
  private final FaultPlan faults;
  private final IamState iam;
  private final LaunchTemplateStore launchTemplates;
  private final Ec2Network network;
  private final Map<String, Group> groups = new LinkedHashMap<>();

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
    this.faults = faults;
    this.iam = iam;
    this.launchTemplates = launchTemplates;
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
    LaunchTemplateSpecification template = template(request);
    if (template == null) {
      throw Errors.validationError(
          "Valid requests must contain either LaunchTemplate or MixedInstancesPolicy");
    }
    try {
      launchTemplates.dataOf(template.launchTemplateId(), template.launchTemplateName());
    } catch (AwsServiceException e) {
      throw Errors.validationError(
          "You must use a valid fully-formed launch template. "
              + e.awsErrorDetails().errorMessage());
    }
    requireSizes(request.minSize(), desiredOf(request), request.maxSize());
    List<Subnet> subnets = new ArrayList<>();
    for (String id : String.valueOf(request.vpcZoneIdentifier()).split(",")) {
      subnets.add(
          network
              .subnet(id.trim())
              .orElseThrow(
                  () -> Errors.validationError("The subnet ID '" + id + "' does not exist")));
    }
    String arn =
        "arn:aws:autoscaling:"
            + region
            + ":"
            + accountId
            + ":autoScalingGroup:"
            + ids.uuid()
            + ":autoScalingGroupName/"
            + name;
    groups.put(name, new Group(request, arn, clock.get(), subnets));
  }

  List<AutoScalingGroup> describe(List<String> names) {
    return groups.values().stream()
        .filter(g -> names.isEmpty() || names.contains(g.request.autoScalingGroupName()))
        .map(this::view)
        .toList();
  }

  void update(String name, Integer min, Integer desired, Integer max) {
    Group group = require(name);
    int newMin = min == null ? group.min : min;
    int newMax = max == null ? group.max : max;
    int newDesired = desired == null ? Math.max(newMin, Math.min(group.desired, newMax)) : desired;
    requireSizes(newMin, newDesired, newMax);
    group.min = newMin;
    group.max = newMax;
    group.desired = newDesired;
    List<Node> live = group.live();
    Instant now = clock.get();
    for (int i = live.size() - 1; i >= newDesired; i--) {
      terminate(live.get(i), now);
    }
    if (live.size() < newDesired && group.nextAttemptAt.equals(Instant.MAX)) {
      group.nextAttemptAt = now;
    }
  }

  void delete(String name, boolean force) {
    Group group = require(name);
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
    for (Node node : group.live()) {
      terminate(node, now);
      done = node.goneAt.isAfter(done) ? node.goneAt : done;
    }
    group.deletedAt = done;
    group.nextAttemptAt = Instant.MAX;
  }

  List<Activity> activities(String name, Integer maxRecords) {
    Group group = groups.get(name);
    if (group == null) {
      return List.of();
    }
    List<Activity> newestFirst = new ArrayList<>(group.activities);
    java.util.Collections.reverse(newestFirst);
    return maxRecords == null ? newestFirst : newestFirst.stream().limit(maxRecords).toList();
  }

  /**
   * The groups' instances as EC2 describes them, with the tags their group propagates at launch,
   * that match every filter ({@code tag-key}, {@code tag:<key>}, {@code instance-state-name}).
   */
  List<software.amazon.awssdk.services.ec2.model.Instance> ec2Instances(List<Filter> filters) {
    Instant now = clock.get();
    List<software.amazon.awssdk.services.ec2.model.Instance> found = new ArrayList<>();
    for (Group group : groups.values()) {
      Map<String, String> tags = new LinkedHashMap<>();
      group.request.tags().stream()
          .filter(t -> Boolean.TRUE.equals(t.propagateAtLaunch()))
          .forEach(t -> tags.put(t.key(), t.value()));
      tags.put("aws:autoscaling:groupName", group.request.autoScalingGroupName());
      for (Node node : group.nodes) {
        String state = ec2State(instance(group, node, now).lifecycleStateAsString());
        if (filters.stream().allMatch(f -> matches(f, state, tags))) {
          found.add(
              software.amazon.awssdk.services.ec2.model.Instance.builder()
                  .instanceId(node.id)
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

  /** Launches, failures and terminations up to virtual now; deleted groups disappear. */
  void settle() {
    Instant now = clock.get();
    groups.values().forEach(group -> advance(group, now));
    groups.values().removeIf(g -> g.deletedAt != null && !now.isBefore(g.deletedAt));
  }

  private void advance(Group group, Instant now) {
    while (group.live().size() < group.desired && !group.nextAttemptAt.isAfter(now)) {
      Instant at = group.nextAttemptAt;
      Optional<String> failure = launchFailure(group, at);
      if (failure.isPresent()) {
        group.activities.add(
            activity(
                group,
                at,
                "Failed",
                failure.get(),
                "Launching a new EC2 instance.  Status Reason: " + failure.get()));
        group.nextAttemptAt = at.plus(RETRY_AFTER_FAILURE);
        continue;
      }
      int missing = group.desired - group.live().size();
      for (int i = 0; i < missing; i++) {
        Subnet subnet = group.subnets.get((group.nodes.size()) % group.subnets.size());
        Node node =
            new Node(
                "i-" + ids.hex(17),
                subnet.availabilityZone(),
                at.plus(durations.draw(Transition.INSTANCE_LAUNCH)));
        group.nodes.add(node);
        group.activities.add(
            activity(group, at, "Successful", null, "Launching a new EC2 instance: " + node.id));
      }
      group.nextAttemptAt = Instant.MAX;
    }
    group.nodes.removeIf(n -> n.goneAt != null && !now.isBefore(n.goneAt));
  }

  private Optional<String> launchFailure(Group group, Instant at) {
    Optional<String> injected = faults.launchFailure(group.request.autoScalingGroupName());
    if (injected.isPresent()) {
      return injected;
    }
    LaunchTemplateSpecification template = template(group.request);
    try {
      var data = launchTemplates.dataOf(template.launchTemplateId(), template.launchTemplateName());
      if (data.iamInstanceProfile() == null) {
        return Optional.empty();
      }
      String profile =
          Optional.ofNullable(data.iamInstanceProfile().arn())
              .orElse(data.iamInstanceProfile().name());
      return iam.usableForLaunch(profile, at)
          ? Optional.empty()
          : Optional.of(
              "Value ("
                  + profile.substring(profile.lastIndexOf('/') + 1)
                  + ") for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance"
                  + " Profile name");
    } catch (AwsServiceException e) {
      return Optional.of(e.awsErrorDetails().errorMessage() + " Launching EC2 instance failed.");
    }
  }

  private void terminate(Node node, Instant now) {
    node.terminatingAt = now;
    node.goneAt = now.plus(durations.draw(Transition.INSTANCE_TERMINATE));
  }

  private AutoScalingGroup view(Group group) {
    Instant now = clock.get();
    return AutoScalingGroup.builder()
        .autoScalingGroupName(group.request.autoScalingGroupName())
        .autoScalingGroupARN(group.arn)
        .launchTemplate(group.request.launchTemplate())
        .mixedInstancesPolicy(group.request.mixedInstancesPolicy())
        .minSize(group.min)
        .desiredCapacity(group.desired)
        .maxSize(group.max)
        .vpcZoneIdentifier(group.request.vpcZoneIdentifier())
        .availabilityZones(group.subnets.stream().map(Subnet::availabilityZone).distinct().toList())
        .createdTime(group.createdAt)
        .healthCheckType("EC2")
        .status(group.deletedAt != null ? DELETING : null)
        .instances(group.nodes.stream().map(n -> instance(group, n, now)).toList())
        .tags(
            group.request.tags().stream()
                .map(
                    t ->
                        TagDescription.builder()
                            .resourceId(group.request.autoScalingGroupName())
                            .resourceType("auto-scaling-group")
                            .key(t.key())
                            .value(t.value())
                            .propagateAtLaunch(t.propagateAtLaunch())
                            .build())
                .toList())
        .build();
  }

  private static Instance instance(Group group, Node node, Instant now) {
    String state =
        node.terminatingAt != null
            ? "Terminating"
            : now.isBefore(node.inServiceAt) ? "Pending" : "InService";
    return Instance.builder()
        .instanceId(node.id)
        .availabilityZone(node.zone)
        .lifecycleState(state)
        .healthStatus("Healthy")
        .launchTemplate(template(group.request))
        .protectedFromScaleIn(false)
        .build();
  }

  private Activity activity(
      Group group, Instant at, String status, String message, String description) {
    return Activity.builder()
        .activityId(ids.uuid())
        .autoScalingGroupName(group.request.autoScalingGroupName())
        .autoScalingGroupARN(group.arn)
        .description(description)
        .cause(
            "At "
                + at
                + " an instance was started in response to a difference between desired and actual"
                + " capacity.")
        .startTime(at)
        .endTime(at)
        .statusCode(status)
        .statusMessage(message)
        .progress(100)
        .build();
  }

  /** The template of a plain group, or of a mixed instances policy. */
  private static LaunchTemplateSpecification template(CreateAutoScalingGroupRequest request) {
    if (request.launchTemplate() != null) {
      return request.launchTemplate();
    }
    var mixed = request.mixedInstancesPolicy();
    return mixed == null || mixed.launchTemplate() == null
        ? null
        : mixed.launchTemplate().launchTemplateSpecification();
  }

  private Group require(String name) {
    Group group = groups.get(name);
    if (group == null) {
      throw Errors.validationError("AutoScalingGroup name not found - " + name);
    }
    return group;
  }

  private static int desiredOf(CreateAutoScalingGroupRequest request) {
    return request.desiredCapacity() == null ? request.minSize() : request.desiredCapacity();
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
