package dev.ekskit.core.internal.network;

import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.internal.Ipv4Cidr;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A network as its parts describe it now, each found by its tags. The zones come in the network's
 * order: that of their public subnets' blocks, which follows the order the zones were chosen in.
 */
public final class NetworkDescription {
  private static final String PUBLIC_SUBNET = NetworkPart.publicSubnet("").key();
  private static final String PRIVATE_SUBNET = NetworkPart.privateSubnet("").key();
  private static final String NAT_GATEWAY = NetworkPart.natGateway("").key();

  private NetworkDescription() {}

  /** Empty when the network has no VPC. */
  public static Optional<NetworkInfo> of(Ec2Client ec2, String name) {
    NetworkFinder finder = new NetworkFinder(ec2, name);
    Optional<Vpc> vpc = finder.vpc();
    if (vpc.isEmpty()) {
      return Optional.empty();
    }
    List<Subnet> subnets = finder.subnets(null);
    Map<String, String> publicByZone = byZone(subnets, PUBLIC_SUBNET);
    Map<String, String> privateByZone = byZone(subnets, PRIVATE_SUBNET);
    List<String> zones = zoneOrder(subnets);
    Map<String, String> natByZone = new HashMap<>();
    finder.natGateways(null).stream()
        .filter(nat -> nat.state() != NatGatewayState.DELETING)
        .forEach(
            nat ->
                natByZone.put(
                    zoneOf(NetworkTags.part(nat.tags()), NAT_GATEWAY), nat.natGatewayId()));
    return Optional.of(
        new NetworkInfo(
            name,
            vpc.get().vpcId(),
            vpc.get().cidrBlock(),
            zones,
            inOrder(zones, publicByZone),
            inOrder(zones, privateByZone),
            finder.internetGateway().map(InternetGateway::internetGatewayId).orElse(""),
            inOrder(zones, natByZone),
            groupId(finder, NetworkPart.controlPlaneGroup()),
            groupId(finder, NetworkPart.sharedNodeGroup()),
            NetworkTags.map(vpc.get().tags())));
  }

  /** Zones with a public subnet by its block, then any with only a private one, by name. */
  private static List<String> zoneOrder(List<Subnet> subnets) {
    List<String> ordered =
        subnets.stream()
            .filter(subnet -> isKind(subnet, PUBLIC_SUBNET))
            .sorted(
                Comparator.comparingLong(subnet -> Ipv4Cidr.parse(subnet.cidrBlock()).network()))
            .map(Subnet::availabilityZone)
            .toList();
    TreeSet<String> rest = new TreeSet<>();
    subnets.stream()
        .map(Subnet::availabilityZone)
        .filter(zone -> !ordered.contains(zone))
        .forEach(rest::add);
    return Stream.concat(ordered.stream(), rest.stream()).toList();
  }

  private static Map<String, String> byZone(List<Subnet> subnets, String kind) {
    Map<String, String> byZone = new HashMap<>();
    subnets.stream()
        .filter(subnet -> isKind(subnet, kind))
        .forEach(subnet -> byZone.put(subnet.availabilityZone(), subnet.subnetId()));
    return byZone;
  }

  private static boolean isKind(Subnet subnet, String kindPrefix) {
    String part = NetworkTags.part(subnet.tags());
    return part != null && part.startsWith(kindPrefix);
  }

  private static String zoneOf(String partKey, String kindPrefix) {
    return partKey == null ? "" : partKey.substring(kindPrefix.length());
  }

  private static Map<String, String> inOrder(List<String> zones, Map<String, String> byZone) {
    Map<String, String> ordered = new LinkedHashMap<>();
    zones.stream().filter(byZone::containsKey).forEach(zone -> ordered.put(zone, byZone.get(zone)));
    return ordered;
  }

  private static String groupId(NetworkFinder finder, NetworkPart part) {
    return finder.securityGroup(part).map(SecurityGroup::groupId).orElse("");
  }
}
