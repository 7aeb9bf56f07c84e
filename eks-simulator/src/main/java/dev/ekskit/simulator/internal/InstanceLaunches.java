package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * How an Auto Scaling group launches and terminates instances, for its own capacity and for an
 * instance refresh: each launch resolves the launch template version in effect ({@code $Latest},
 * {@code $Default} or a number) and fails while a test says so, while the template is missing, or
 * while its instance profile is not yet visible to EC2.
 */
final class InstanceLaunches {
  private final Ids ids;
  private final DurationSampler durations;
  private final FaultPlan faults;
  private final IamState iam;
  private final LaunchTemplateStore launchTemplates;

  InstanceLaunches(
      Ids ids,
      DurationSampler durations,
      FaultPlan faults,
      IamState iam,
      LaunchTemplateStore launchTemplates) {
    this.ids = ids;
    this.durations = durations;
    this.faults = faults;
    this.iam = iam;
    this.launchTemplates = launchTemplates;
  }

  /** Why a launch from {@code template} for {@code group} at {@code at} fails, if it does. */
  Optional<String> failure(ScalingGroup group, LaunchTemplateSpecification template, Instant at) {
    Optional<String> injected = faults.launchFailure(group.name);
    if (injected.isPresent()) {
      return injected;
    }
    try {
      var data = resolve(template).data();
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

  /**
   * A new Pending instance of {@code group} at {@code at}, in the next subnet round-robin, from the
   * version {@code template} resolves to now, with the first override's instance type of {@code
   * overrideTypes} if any; its activity names {@code cause}.
   */
  ScalingGroup.Node launch(
      ScalingGroup group,
      LaunchTemplateSpecification template,
      List<String> overrideTypes,
      Instant at,
      String cause) {
    Subnet subnet = group.subnets.get(group.nodes.size() % group.subnets.size());
    LaunchTemplateStore.Resolved version = resolve(template);
    ScalingGroup.Node node =
        new ScalingGroup.Node(
            "i-" + ids.hex(17),
            subnet.availabilityZone(),
            at.plus(durations.draw(Transition.INSTANCE_LAUNCH)),
            LaunchTemplateSpecification.builder()
                .launchTemplateId(version.templateId())
                .launchTemplateName(version.templateName())
                .version(String.valueOf(version.version()))
                .build(),
            overrideTypes.isEmpty() ? version.data().instanceTypeAsString() : overrideTypes.get(0),
            version.data().imageId());
    group.nodes.add(node);
    group.activities.add(
        activity(group, at, "Successful", null, "Launching a new EC2 instance: " + node.id, cause));
    return node;
  }

  /** Starts terminating {@code node} at {@code at}; it is gone a drawn minute or so later. */
  void terminate(ScalingGroup.Node node, Instant at) {
    node.terminatingAt = at;
    node.goneAt = at.plus(durations.draw(Transition.INSTANCE_TERMINATE));
  }

  /** The version a launch from {@code template} uses now. */
  LaunchTemplateStore.Resolved resolve(LaunchTemplateSpecification template) {
    return launchTemplates.resolve(
        template.launchTemplateId(), template.launchTemplateName(), template.version());
  }

  /** {@code cause} follows "At <time> ", as Auto Scaling words it. */
  Activity activity(
      ScalingGroup group,
      Instant at,
      String status,
      String message,
      String description,
      String cause) {
    return Activity.builder()
        .activityId(ids.uuid())
        .autoScalingGroupName(group.name)
        .autoScalingGroupARN(group.arn)
        .description(description)
        .cause("At " + at + " " + cause)
        .startTime(at)
        .endTime(at)
        .statusCode(status)
        .statusMessage(message)
        .progress(100)
        .build();
  }
}
