package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * The Auto Scaling group of a self-managed node group: its tags (which let Kubernetes, the cluster
 * autoscaler and ekskit find it), create-or-adopt, describe and delete. Blocking calls, each safe
 * to repeat.
 */
public final class AutoScalingGroups {
  /** {@code linux} or {@code windows}, to find Linux capacity for a Windows group's CoreDNS. */
  public static final String NODE_OS_TAG = Tags.PREFIX + "node-os";

  private AutoScalingGroups() {}

  /** The tags of the group, every one also put on its instances at launch. */
  public static Map<String, String> tags(SelfManagedNodegroupSpec spec) {
    Map<String, String> tags =
        new LinkedHashMap<>(
            NodeTags.of(
                spec.tags(), spec.clusterName(), spec.name(), spec.nodeRoleArn().orElseThrow()));
    tags.put("Name", spec.resourceName() + "-node");
    tags.put("kubernetes.io/cluster/" + spec.clusterName(), "owned");
    tags.put(NODE_OS_TAG, spec.ami().isWindows() ? "windows" : "linux");
    return tags;
  }

  /** Creates the group, or adopts the one ekskit made earlier if it matches the spec. */
  public static CreateOrAdopt<AutoScalingGroup> createOrAdopt(
      AutoScalingClient autoScaling,
      ResourceRef ref,
      SelfManagedNodegroupSpec spec,
      String launchTemplateId,
      String cleanup) {
    String name = spec.resourceName();
    return CreateOrAdopt.<AutoScalingGroup>builder(ref)
        .what("the Auto Scaling group " + name)
        .cleanup(cleanup)
        .steps("create auto scaling group", "adopt auto scaling group")
        .create(
            () -> {
              autoScaling.createAutoScalingGroup(
                  AutoScalingMapping.createRequest(spec, launchTemplateId, tags(spec)));
              return null;
            })
        .describe(() -> describe(autoScaling, name).orElseThrow())
        .differences(existing -> diff(spec, launchTemplateId, existing))
        .build();
  }

  /** What keeps {@code existing} from being adopted; the desired size may drift (autoscalers). */
  static List<FieldDifference> diff(
      SelfManagedNodegroupSpec spec, String launchTemplateId, AutoScalingGroup existing) {
    List<FieldDifference> diff = new ArrayList<>();
    Map<String, String> tags = tagMap(existing);
    if (!Tags.isManagedByEksKit(tags) || !spec.name().equals(tags.get(NodeTags.NODEGROUP))) {
      diff.add(new FieldDifference("owner", "ekskit", "a group ekskit did not create"));
      return diff;
    }
    String template = AutoScalingMapping.templateId(existing);
    if (!launchTemplateId.equals(template)) {
      diff.add(new FieldDifference("launchTemplate", launchTemplateId, template));
    }
    List<String> types = spec.mixedInstances() ? spec.effectiveInstanceTypes() : List.of();
    if (!types.equals(AutoScalingMapping.mixedTypes(existing))) {
      diff.add(
          new FieldDifference(
              "instanceTypes",
              String.valueOf(spec.effectiveInstanceTypes()),
              String.valueOf(AutoScalingMapping.mixedTypes(existing))));
    }
    if (spec.capacityType() != AutoScalingMapping.capacityType(existing)) {
      diff.add(
          new FieldDifference(
              "capacityType",
              spec.capacityType().toString(),
              AutoScalingMapping.capacityType(existing).toString()));
    }
    Set<String> subnets = new TreeSet<>(List.of(existing.vpcZoneIdentifier().split(",")));
    if (!subnets.equals(new TreeSet<>(spec.subnetIds()))) {
      diff.add(
          new FieldDifference(
              "subnetIds",
              String.valueOf(new TreeSet<>(spec.subnetIds())),
              String.valueOf(subnets)));
    }
    if (existing.minSize() != spec.minSize()) {
      diff.add(
          new FieldDifference(
              "minSize", String.valueOf(spec.minSize()), String.valueOf(existing.minSize())));
    }
    if (existing.maxSize() != spec.maxSize()) {
      diff.add(
          new FieldDifference(
              "maxSize", String.valueOf(spec.maxSize()), String.valueOf(existing.maxSize())));
    }
    return diff;
  }

  public static Optional<AutoScalingGroup> describe(AutoScalingClient autoScaling, String name) {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
        .autoScalingGroups()
        .stream()
        .findFirst();
  }

  /** Every group in the account and region that ekskit made for {@code cluster}. */
  public static List<AutoScalingGroup> ofCluster(AutoScalingClient autoScaling, String cluster) {
    String clusterTag = "kubernetes.io/cluster/" + cluster;
    return autoScaling
        .describeAutoScalingGroupsPaginator(r -> r.maxRecords(100))
        .autoScalingGroups()
        .stream()
        .filter(
            group -> {
              Map<String, String> tags = tagMap(group);
              return Tags.isManagedByEksKit(tags)
                  && tags.containsKey(clusterTag)
                  && tags.containsKey(NodeTags.NODEGROUP);
            })
        .toList();
  }

  /**
   * Deletes the group and its instances (ForceDelete); false when there is none. A group of that
   * name that ekskit did not make is left alone and reported as a conflict.
   */
  public static boolean forceDelete(
      AutoScalingClient autoScaling, ResourceRef ref, String name, String nodegroup) {
    Optional<AutoScalingGroup> group = describe(autoScaling, name);
    if (group.isEmpty()) {
      return false;
    }
    Map<String, String> tags = tagMap(group.get());
    if (!Tags.isManagedByEksKit(tags) || !nodegroup.equals(tags.get(NodeTags.NODEGROUP))) {
      throw new ConflictException(
          ref,
          List.of(new FieldDifference("owner", "ekskit", "a group ekskit did not create")),
          null);
    }
    if ("Delete in progress".equals(group.get().status())) {
      return true;
    }
    try {
      autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name).forceDelete(true));
      return true;
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Auto Scaling answers a missing group with a ValidationError, not a NotFound code. */
  public static boolean isNotFound(Throwable e) {
    return AwsErrors.errorCode(e).equals("ValidationError")
        && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not found");
  }

  public static SelfManagedNodegroupInfo info(
      String cluster, String nodegroup, AutoScalingGroup group) {
    return new SelfManagedNodegroupInfo(
        cluster,
        nodegroup,
        group.autoScalingGroupName(),
        AutoScalingMapping.templateId(group),
        group.minSize(),
        group.desiredCapacity(),
        group.maxSize(),
        inService(group));
  }

  /** Instances EC2 has started and Auto Scaling counts as healthy. */
  public static List<String> inService(AutoScalingGroup group) {
    return group.instances().stream()
        .filter(i -> "InService".equals(i.lifecycleStateAsString()))
        .filter(i -> "Healthy".equalsIgnoreCase(i.healthStatus()))
        .map(Instance::instanceId)
        .toList();
  }

  public static Map<String, String> tagMap(AutoScalingGroup group) {
    return group.tags().stream()
        .collect(Collectors.toMap(TagDescription::key, TagDescription::value, (a, b) -> b));
  }
}
