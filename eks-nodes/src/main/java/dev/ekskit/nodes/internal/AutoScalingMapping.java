package dev.ekskit.nodes.internal;

import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/**
 * A self-managed node group as an Auto Scaling group: a plain group on the launch template for one
 * on-demand instance type, else a mixed instances policy listing the types in order of priority,
 * all on-demand or all Spot (price-capacity-optimized, as AWS recommends for Spot). Either way on
 * the template's {@code $Default} version, which an update moves.
 */
final class AutoScalingMapping {
  private static final String SPOT_STRATEGY = "price-capacity-optimized";

  private AutoScalingMapping() {}

  static CreateAutoScalingGroupRequest createRequest(
      SelfManagedNodegroupSpec spec, String launchTemplateId, Map<String, String> tags) {
    var request =
        CreateAutoScalingGroupRequest.builder()
            .autoScalingGroupName(spec.resourceName())
            .minSize(spec.minSize())
            .desiredCapacity(spec.desiredSize())
            .maxSize(spec.maxSize())
            .vpcZoneIdentifier(String.join(",", spec.subnetIds()))
            .tags(
                tags.entrySet().stream()
                    .map(
                        t ->
                            Tag.builder()
                                .key(t.getKey())
                                .value(t.getValue())
                                .propagateAtLaunch(true)
                                .build())
                    .toList());
    return spec.mixedInstances()
        ? request.mixedInstancesPolicy(mixedPolicy(spec, template(launchTemplateId))).build()
        : request.launchTemplate(template(launchTemplateId)).build();
  }

  /**
   * The group brought to {@code spec} in place: its range, the desired size moved into it, its
   * subnets, and its instance types and capacity on the same launch template.
   *
   * @param desiredSize the group's desired size now, which an autoscaler may have changed
   */
  static UpdateAutoScalingGroupRequest updateRequest(
      SelfManagedNodegroupSpec spec, String launchTemplateId, int desiredSize) {
    var request =
        UpdateAutoScalingGroupRequest.builder()
            .autoScalingGroupName(spec.resourceName())
            .minSize(spec.minSize())
            .maxSize(spec.maxSize())
            .desiredCapacity(Math.max(spec.minSize(), Math.min(spec.maxSize(), desiredSize)))
            .vpcZoneIdentifier(String.join(",", spec.subnetIds()));
    return spec.mixedInstances()
        ? request.mixedInstancesPolicy(mixedPolicy(spec, template(launchTemplateId))).build()
        : request.launchTemplate(template(launchTemplateId)).build();
  }

  /** The node group's template at its default version, which a new template version moves. */
  private static LaunchTemplateSpecification template(String launchTemplateId) {
    return LaunchTemplateSpecification.builder()
        .launchTemplateId(launchTemplateId)
        .version("$Default")
        .build();
  }

  private static MixedInstancesPolicy mixedPolicy(
      SelfManagedNodegroupSpec spec, LaunchTemplateSpecification template) {
    boolean spot = spec.capacityType() == CapacityTypes.SPOT;
    return MixedInstancesPolicy.builder()
        .launchTemplate(
            l ->
                l.launchTemplateSpecification(template)
                    .overrides(
                        spec.effectiveInstanceTypes().stream()
                            .map(
                                type ->
                                    LaunchTemplateOverrides.builder().instanceType(type).build())
                            .toList()))
        .instancesDistribution(
            d -> {
              d.onDemandBaseCapacity(0)
                  .onDemandPercentageAboveBaseCapacity(spot ? 0 : 100)
                  .onDemandAllocationStrategy("prioritized");
              if (spot) {
                d.spotAllocationStrategy(SPOT_STRATEGY);
              }
            })
        .build();
  }

  /** The launch template the group starts instances from, whichever way it names it. */
  static String templateId(AutoScalingGroup group) {
    if (group.launchTemplate() != null) {
      return group.launchTemplate().launchTemplateId();
    }
    MixedInstancesPolicy mixed = group.mixedInstancesPolicy();
    return mixed == null || mixed.launchTemplate() == null
        ? null
        : mixed.launchTemplate().launchTemplateSpecification().launchTemplateId();
  }

  /** The types a mixed group lists, in order; empty for a plain group (its template names one). */
  static List<String> mixedTypes(AutoScalingGroup group) {
    MixedInstancesPolicy mixed = group.mixedInstancesPolicy();
    return mixed == null || mixed.launchTemplate() == null
        ? List.of()
        : mixed.launchTemplate().overrides().stream()
            .map(LaunchTemplateOverrides::instanceType)
            .toList();
  }

  /** SPOT when a mixed group launches no on-demand capacity, else ON_DEMAND. */
  static CapacityTypes capacityType(AutoScalingGroup group) {
    MixedInstancesPolicy mixed = group.mixedInstancesPolicy();
    boolean spot =
        mixed != null
            && mixed.instancesDistribution() != null
            && Integer.valueOf(0)
                .equals(mixed.instancesDistribution().onDemandPercentageAboveBaseCapacity())
            && Integer.valueOf(0).equals(mixed.instancesDistribution().onDemandBaseCapacity());
    return spot ? CapacityTypes.SPOT : CapacityTypes.ON_DEMAND;
  }
}
