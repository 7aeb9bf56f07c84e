package dev.ekskit.nodes.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * Where an existing self-managed node group differs from its spec. The Auto Scaling group changes
 * in place (scaling, subnets, instance types and capacity); what lives in the launch template (the
 * AMI and so the Kubernetes version, the user data with labels, taints, max pods and commands,
 * volumes, IMDS, security groups, the instances' tags) takes a new template version and an instance
 * refresh; instances still on an earlier version are a difference of their own, so that a refresh
 * an earlier run did not see through is finished. The node role, held by the group's instance
 * profile, needs a new group. The desired size is the initial size: an autoscaler owns it
 * afterwards, so it differs only when it lies outside the spec's range.
 */
final class SelfManagedReview {
  static final String NODES = "nodes";

  /** Every field but the owner and the node role. */
  static final Set<String> UPDATABLE =
      Set.of(
          "minSize",
          "maxSize",
          "desiredSize",
          "subnetIds",
          "instanceTypes",
          "capacityType",
          "ami",
          PlannedChange.KUBERNETES_VERSION,
          "userData",
          "metadataHopLimit",
          "volumes",
          "securityGroupIds",
          "tags",
          NODES);

  private SelfManagedReview() {}

  /** A group of the spec's name that ekskit did not make for it, which it never changes. */
  static Optional<FieldDifference> foreign(SelfManagedNodegroupSpec spec, AutoScalingGroup group) {
    Map<String, String> tags = AutoScalingGroups.tagMap(group);
    return Tags.isManagedByEksKit(tags) && spec.name().equals(tags.get(NodeTags.NODEGROUP))
        ? Optional.empty()
        : Optional.of(new FieldDifference("owner", "ekskit", "a group ekskit did not create"));
  }

  /**
   * The differences of a group ekskit made for the spec.
   *
   * @param spec the complete spec
   * @param wanted what the spec's launch template version would hold
   * @param current the template version the group launches from now ({@code $Default})
   */
  static List<FieldDifference> differences(
      SelfManagedNodegroupSpec spec,
      AutoScalingGroup group,
      TemplateView wanted,
      LaunchTemplateVersion current) {
    List<FieldDifference> found = new ArrayList<>();
    Map<String, String> tags = AutoScalingGroups.tagMap(group);
    spec.nodeRoleArn()
        .ifPresent(role -> compare(found, "nodeRoleArn", role, tags.get(NodeTags.NODE_ROLE)));
    TemplateView now = TemplateView.of(current.launchTemplateData());
    scaling(found, spec, group);
    if (mixedDiffers(spec, group) || !Objects.equals(wanted.instanceType(), now.instanceType())) {
      List<String> mixed = AutoScalingMapping.mixedTypes(group);
      found.add(
          new FieldDifference(
              "instanceTypes",
              String.valueOf(spec.effectiveInstanceTypes()),
              String.valueOf(mixed.isEmpty() ? List.of(now.instanceType()) : mixed)));
    }
    compare(
        found,
        "capacityType",
        spec.capacityType().toString(),
        AutoScalingMapping.capacityType(group).toString());
    compare(found, "ami", wanted.imageId(), now.imageId());
    compare(
        found,
        PlannedChange.KUBERNETES_VERSION,
        wanted.kubernetesVersion(),
        now.kubernetesVersion());
    if (!Objects.equals(wanted.userData(), now.userData())) {
      found.add(new FieldDifference("userData", settings(spec), "user data of other settings"));
    }
    compare(found, "metadataHopLimit", wanted.hopLimit(), now.hopLimit());
    compare(found, "volumes", wanted.volumes(), now.volumes());
    compare(found, "securityGroupIds", wanted.securityGroupIds(), now.securityGroupIds());
    compare(found, "tags", wanted.instanceTags(), now.instanceTags());
    long behind = offVersion(group, current.versionNumber()).size();
    if (behind > 0) {
      found.add(
          new FieldDifference(
              NODES,
              "every instance on launch template version " + current.versionNumber(),
              behind + " of " + group.instances().size() + " on earlier versions"));
    }
    return found;
  }

  /** Whether the Auto Scaling group itself needs an update: scaling, subnets, types, capacity. */
  static boolean groupDiffers(SelfManagedNodegroupSpec spec, AutoScalingGroup group) {
    List<FieldDifference> found = new ArrayList<>();
    scaling(found, spec, group);
    return !found.isEmpty()
        || mixedDiffers(spec, group)
        || spec.capacityType() != AutoScalingMapping.capacityType(group);
  }

  /**
   * The group's instances that were launched from another version than {@code version}. AWS names
   * the version number an instance was launched from; an instance that names none, or only the
   * group's {@code $Default} (as moto does), counts as current.
   */
  static List<String> offVersion(AutoScalingGroup group, long version) {
    return group.instances().stream()
        .filter(i -> !"Terminated".equals(i.lifecycleStateAsString()))
        .filter(i -> launchedFrom(i).filter(n -> n != version).isPresent())
        .map(Instance::instanceId)
        .toList();
  }

  private static Optional<Long> launchedFrom(Instance instance) {
    String named = instance.launchTemplate() == null ? null : instance.launchTemplate().version();
    return named != null && named.matches("\\d+")
        ? Optional.of(Long.parseLong(named))
        : Optional.empty();
  }

  /** Scaling and subnets. */
  private static void scaling(
      List<FieldDifference> found, SelfManagedNodegroupSpec spec, AutoScalingGroup group) {
    compare(found, "minSize", spec.minSize(), group.minSize());
    compare(found, "maxSize", spec.maxSize(), group.maxSize());
    int desired = group.desiredCapacity();
    if (desired < spec.minSize() || desired > spec.maxSize()) {
      found.add(
          new FieldDifference(
              "desiredSize",
              "within " + spec.minSize() + ".." + spec.maxSize(),
              String.valueOf(desired)));
    }
    if (!spec.subnetIds().isEmpty()) {
      compare(
          found,
          "subnetIds",
          new TreeSet<>(spec.subnetIds()),
          new TreeSet<>(List.of(group.vpcZoneIdentifier().split(","))));
    }
  }

  /** Whether the group's mixed instances policy lists other types than the spec's. */
  private static boolean mixedDiffers(SelfManagedNodegroupSpec spec, AutoScalingGroup group) {
    List<String> types = spec.mixedInstances() ? spec.effectiveInstanceTypes() : List.of();
    return !types.equals(AutoScalingMapping.mixedTypes(group));
  }

  /** The settings user data carries, for a plan to show what the new version would hold. */
  private static String settings(SelfManagedNodegroupSpec spec) {
    return "labels "
        + spec.labels()
        + ", taints "
        + spec.taints()
        + ", maxPods "
        + spec.maxPods().map(String::valueOf).orElse("default")
        + ", "
        + spec.preBootstrapCommands().size()
        + " pre-bootstrap commands";
  }

  private static void compare(
      List<FieldDifference> found, String field, Object wanted, Object actual) {
    if (!Objects.equals(wanted, actual)) {
      found.add(new FieldDifference(field, String.valueOf(wanted), String.valueOf(actual)));
    }
  }
}
