package dev.ekskit.core.internal.network;

import static dev.ekskit.core.internal.network.NetworkTags.filter;

import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.spi.Violations;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

/**
 * The Availability Zones of a network, checked against the account before anything is made: zones
 * that are available, of type {@code availability-zone}, not among those EKS does not support for
 * control planes, and offering every instance type of the spec. Without explicit zones, the first
 * usable ones in name order, so that every run chooses the same.
 */
final class ZoneChoice {
  /** Zone ids where EKS cannot place a cluster's control plane. */
  static final Set<String> UNSUPPORTED_BY_EKS = Set.of("use1-az3", "usw1-az2", "cac1-az3");

  private static final int PREFERRED_ZONES = 3;

  private ZoneChoice() {}

  /** The zone names; throws {@link dev.ekskit.core.InvalidSpecException} naming every problem. */
  static List<String> choose(Ec2Client ec2, NetworkSpec spec) {
    Map<String, AvailabilityZone> available = new HashMap<>();
    ec2.describeAvailabilityZones(
            r -> r.filters(filter("state", "available"), filter("zone-type", "availability-zone")))
        .availabilityZones()
        .forEach(zone -> available.put(zone.zoneName(), zone));
    Map<String, Set<String>> offered = offerings(ec2, spec.instanceTypes());
    Violations v = new Violations("NetworkSpec");
    if (!spec.zones().isEmpty()) {
      checkGiven(spec, available, offered, v);
      v.throwIfAny();
      return spec.zones();
    }
    List<String> usable =
        available.values().stream()
            .sorted(Comparator.comparing(AvailabilityZone::zoneName))
            .filter(zone -> !UNSUPPORTED_BY_EKS.contains(zone.zoneId()))
            .map(AvailabilityZone::zoneName)
            .filter(zone -> missingTypes(spec, offered, zone).isEmpty())
            .toList();
    int wanted =
        spec.zoneCount()
            .orElse(
                usable.size() >= PREFERRED_ZONES ? PREFERRED_ZONES : NetworkSpecRules.MIN_ZONES);
    if (usable.size() < wanted) {
      v.add(
          "zoneCount",
          "zones-available",
          "needs "
              + wanted
              + " available Availability Zones that EKS supports"
              + (spec.instanceTypes().isEmpty() ? "" : " and that offer " + spec.instanceTypes())
              + "; this region has only "
              + usable
              + " (of "
              + new TreeSet<>(available.keySet())
              + ")");
    }
    v.throwIfAny();
    return usable.subList(0, wanted);
  }

  private static void checkGiven(
      NetworkSpec spec,
      Map<String, AvailabilityZone> available,
      Map<String, Set<String>> offered,
      Violations v) {
    for (int i = 0; i < spec.zones().size(); i++) {
      String name = spec.zones().get(i);
      String field = "zones[" + i + "]";
      AvailabilityZone zone = available.get(name);
      if (zone == null) {
        v.add(
            field,
            "available",
            name
                + " is not an available Availability Zone of this region; available: "
                + new TreeSet<>(available.keySet()));
        continue;
      }
      if (UNSUPPORTED_BY_EKS.contains(zone.zoneId())) {
        v.add(
            field,
            "eks-supported",
            name + " (" + zone.zoneId() + ") cannot hold EKS control planes: choose another zone");
      }
      List<String> missing = missingTypes(spec, offered, name);
      if (!missing.isEmpty()) {
        v.add(field, "instance-types", name + " does not offer " + missing);
      }
    }
  }

  private static List<String> missingTypes(
      NetworkSpec spec, Map<String, Set<String>> offered, String zone) {
    Set<String> here = offered.getOrDefault(zone, Set.of());
    return spec.instanceTypes().stream().filter(type -> !here.contains(type)).toList();
  }

  /** The requested types each zone offers; empty when none are requested (no call then). */
  private static Map<String, Set<String>> offerings(Ec2Client ec2, List<String> types) {
    Map<String, Set<String>> byZone = new HashMap<>();
    if (types.isEmpty()) {
      return byZone;
    }
    ec2.describeInstanceTypeOfferingsPaginator(
            r ->
                r.locationType(LocationType.AVAILABILITY_ZONE)
                    .filters(filter("instance-type", types.toArray(String[]::new))))
        .instanceTypeOfferings()
        .forEach(
            (InstanceTypeOffering offering) ->
                byZone
                    .computeIfAbsent(offering.location(), zone -> new HashSet<>())
                    .add(offering.instanceTypeAsString()));
    return byZone;
  }
}
