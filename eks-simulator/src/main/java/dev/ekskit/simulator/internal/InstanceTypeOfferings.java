package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

/**
 * Where the simulated region offers each instance type of {@link InstanceTypeCatalog}: every type
 * in the region and in each of its zones, except the accelerated ones (NVIDIA, Neuron), which only
 * its first three zones ({@code a}, {@code b}, {@code c}) offer, as new and scarce types are in
 * real regions.
 */
final class InstanceTypeOfferings {
  private static final int ZONES_WITH_ACCELERATORS = 3;

  private InstanceTypeOfferings() {}

  static List<InstanceTypeOffering> describe(
      String region,
      List<AvailabilityZone> zones,
      LocationType locationType,
      List<Filter> filters) {
    LocationType by = locationType == null ? LocationType.REGION : locationType;
    List<InstanceTypeOffering> found = new ArrayList<>();
    for (InstanceTypeInfo type : InstanceTypeCatalog.describe(List.of())) {
      boolean accelerated = type.gpuInfo() != null || type.neuronInfo() != null;
      if (by == LocationType.REGION) {
        found.add(offering(type, by, region));
        continue;
      }
      for (int i = 0; i < zones.size(); i++) {
        if (!accelerated || i < ZONES_WITH_ACCELERATORS) {
          AvailabilityZone zone = zones.get(i);
          found.add(
              offering(
                  type,
                  by,
                  by == LocationType.AVAILABILITY_ZONE_ID ? zone.zoneId() : zone.zoneName()));
        }
      }
    }
    return found.stream()
        .filter(
            offering ->
                Ec2Filter.matchesSingle(
                    filters,
                    Map.of(
                        "instance-type", offering.instanceTypeAsString(),
                        "location", offering.location()),
                    List.of()))
        .toList();
  }

  private static InstanceTypeOffering offering(
      InstanceTypeInfo type, LocationType by, String location) {
    return InstanceTypeOffering.builder()
        .instanceType(type.instanceTypeAsString())
        .locationType(by)
        .location(location)
        .build();
  }
}
