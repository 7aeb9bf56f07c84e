package dev.ekskit.core.internal.network;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.NatMode;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A network spec against the account, read only: the zones a create would choose, or where the
 * network of that name differs from the spec. EC2 changes none of these in place.
 */
public final class NetworkReview {
  private NetworkReview() {}

  /** The zones a create would choose now; throws what the create would throw. Blocks. */
  public static List<String> zones(Ec2Client ec2, NetworkSpec spec) {
    return ZoneChoice.choose(ec2, spec);
  }

  /** Where {@code existing} differs from {@code spec}. */
  public static List<FieldDifference> differences(NetworkSpec spec, NetworkInfo existing) {
    List<FieldDifference> diff = new ArrayList<>();
    if (!spec.cidrBlock().equals(existing.cidrBlock())) {
      diff.add(new FieldDifference("cidrBlock", spec.cidrBlock(), existing.cidrBlock()));
    }
    if (!spec.zones().isEmpty() && !spec.zones().equals(existing.zones())) {
      diff.add(new FieldDifference("zones", spec.zones().toString(), existing.zones().toString()));
    }
    spec.zoneCount()
        .ifPresent(
            count -> {
              if (count != existing.zones().size()) {
                diff.add(
                    new FieldDifference(
                        "zoneCount",
                        String.valueOf(count),
                        String.valueOf(existing.zones().size())));
              }
            });
    NatMode found = natMode(existing);
    if (spec.natMode() != found) {
      diff.add(new FieldDifference("natMode", spec.natMode().name(), found.name()));
    }
    return diff;
  }

  /**
   * Whether every part a create makes is there: a network whose create stopped halfway is not, and
   * the next create finishes it.
   */
  public static boolean isComplete(NetworkSpec spec, NetworkInfo network) {
    int zones = network.zones().size();
    return zones >= NetworkSpecRules.MIN_ZONES
        && (spec.natMode() == NatMode.NONE || !network.natGatewayIds().isEmpty())
        && network.publicSubnetIds().size() == zones
        && network.privateSubnetIds().size() == zones
        && !network.internetGatewayId().isEmpty()
        && !network.controlPlaneSecurityGroupId().isEmpty()
        && !network.sharedNodeSecurityGroupId().isEmpty();
  }

  /** The name of the network {@code cluster}'s blueprint made, found by its VPC's tags. Blocks. */
  public static Optional<String> ofBlueprint(Ec2Client ec2, String cluster) {
    return ec2
        .describeVpcsPaginator(r -> r.filters(NetworkTags.filter("tag:" + Tags.BLUEPRINT, cluster)))
        .vpcs()
        .stream()
        .map(vpc -> NetworkTags.map(vpc.tags()).get(NetworkTags.NETWORK))
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** What the network's NAT gateways amount to. */
  public static NatMode natMode(NetworkInfo network) {
    int gateways = network.natGatewayIds().size();
    if (gateways == 0) {
      return NatMode.NONE;
    }
    return gateways == 1 && network.zones().size() > 1 ? NatMode.SINGLE : NatMode.PER_ZONE;
  }
}
