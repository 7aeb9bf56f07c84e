package dev.ekskit.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The account checks of subnets before anything is created: they exist, sit in one VPC and span at
 * least two Availability Zones (EKS needs two for its control-plane network interfaces).
 */
public final class SubnetCheck {
  private SubnetCheck() {}

  /** Throws {@link dev.ekskit.core.InvalidSpecException} naming every problem. */
  public static void requireUsable(
      Ec2Client ec2, String specType, String field, List<String> subnetIds, int minZones) {
    Violations v = new Violations(specType);
    List<Subnet> found = describe(ec2, subnetIds, field, v);
    Set<String> zones = new TreeSet<>();
    Set<String> vpcs = new TreeSet<>();
    found.forEach(
        subnet -> {
          zones.add(subnet.availabilityZone());
          vpcs.add(subnet.vpcId());
        });
    if (v.isEmpty() && zones.size() < minZones) {
      v.add(
          field,
          "availability-zones",
          "must span at least "
              + minZones
              + " Availability Zones, but all subnets are in "
              + zones);
    }
    if (vpcs.size() > 1) {
      v.add(field, "one-vpc", "must all be in one VPC, found " + vpcs);
    }
    v.throwIfAny();
  }

  /** All subnets at once; if one is unknown, each alone, to name every missing one. */
  private static List<Subnet> describe(
      Ec2Client ec2, List<String> ids, String field, Violations v) {
    try {
      return ec2.describeSubnets(r -> r.subnetIds(ids)).subnets();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        throw e;
      }
    }
    List<Subnet> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      try {
        found.addAll(ec2.describeSubnets(r -> r.subnetIds(id)).subnets());
      } catch (RuntimeException e) {
        if (!AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
          throw e;
        }
        v.add(
            field + "[" + i + "]",
            "exists",
            "subnet " + id + " does not exist in this account and region");
      }
    }
    return found;
  }
}
