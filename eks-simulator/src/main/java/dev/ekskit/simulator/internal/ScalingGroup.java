package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * One Auto Scaling group: its sizes, the launch template (or mixed instances policy) new instances
 * launch from, its instances and activities. Changed only by the store, under the gateway's lock.
 */
final class ScalingGroup {
  /** One instance, with the launch template version it was launched from. */
  static final class Node {
    final String id;
    final String zone;
    final Instant inServiceAt;
    final LaunchTemplateSpecification launchedFrom;
    final String instanceType;
    final String imageId;
    Instant terminatingAt;
    Instant goneAt;

    Node(
        String id,
        String zone,
        Instant inServiceAt,
        LaunchTemplateSpecification launchedFrom,
        String instanceType,
        String imageId) {
      this.id = id;
      this.zone = zone;
      this.inServiceAt = inServiceAt;
      this.launchedFrom = launchedFrom;
      this.instanceType = instanceType;
      this.imageId = imageId;
    }

    boolean live() {
      return terminatingAt == null;
    }
  }

  final CreateAutoScalingGroupRequest request;
  final String name;
  final String arn;
  final Instant createdAt;
  List<Subnet> subnets;
  String vpcZoneIdentifier;
  final List<Node> nodes = new ArrayList<>();
  final List<Activity> activities = new ArrayList<>();
  LaunchTemplateSpecification launchTemplate;
  MixedInstancesPolicy mixedInstancesPolicy;
  Integer defaultInstanceWarmup;
  Integer healthCheckGracePeriod;
  int min;
  int desired;
  int max;
  Instant nextAttemptAt;
  Instant deletedAt;

  ScalingGroup(
      CreateAutoScalingGroupRequest request, String arn, Instant at, List<Subnet> subnets) {
    this.request = request;
    this.name = request.autoScalingGroupName();
    this.arn = arn;
    this.createdAt = at;
    this.subnets = subnets;
    this.vpcZoneIdentifier = request.vpcZoneIdentifier();
    this.launchTemplate = request.launchTemplate();
    this.mixedInstancesPolicy = request.mixedInstancesPolicy();
    this.defaultInstanceWarmup = request.defaultInstanceWarmup();
    this.healthCheckGracePeriod = request.healthCheckGracePeriod();
    this.min = request.minSize();
    this.desired = Objects.requireNonNullElse(request.desiredCapacity(), request.minSize());
    this.max = request.maxSize();
    this.nextAttemptAt = at;
  }

  List<Node> live() {
    return nodes.stream().filter(Node::live).toList();
  }

  /** The launch template new instances come from, plain or of the mixed instances policy. */
  LaunchTemplateSpecification template() {
    return template(launchTemplate, mixedInstancesPolicy);
  }

  /** The instance types a mixed instances policy allows, in priority order; empty otherwise. */
  List<String> overrideTypes() {
    return overrideTypes(mixedInstancesPolicy);
  }

  static LaunchTemplateSpecification template(
      LaunchTemplateSpecification plain, MixedInstancesPolicy mixed) {
    if (plain != null) {
      return plain;
    }
    return mixed == null || mixed.launchTemplate() == null
        ? null
        : mixed.launchTemplate().launchTemplateSpecification();
  }

  static List<String> overrideTypes(MixedInstancesPolicy mixed) {
    if (mixed == null || mixed.launchTemplate() == null) {
      return List.of();
    }
    return mixed.launchTemplate().overrides().stream()
        .map(LaunchTemplateOverrides::instanceType)
        .filter(Objects::nonNull)
        .toList();
  }
}
