package dev.ekskit.core.internal.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Finds the parts of one network by their tags, each kind on its own (never through a VPC that may
 * be gone): blocking describes, each answer checked against the tags again. With a part key, the
 * one part so tagged; without, every part of the kind.
 */
final class NetworkFinder {
  /** NAT gateways that hold an address and an interface: the ones to adopt or delete. */
  static final Set<NatGatewayState> LIVE_NAT =
      Set.of(NatGatewayState.PENDING, NatGatewayState.AVAILABLE, NatGatewayState.DELETING);

  private final Ec2Client ec2;
  private final String network;

  NetworkFinder(Ec2Client ec2, String network) {
    this.ec2 = ec2;
    this.network = network;
  }

  List<Vpc> vpcs(String key) {
    return find(f -> ec2.describeVpcsPaginator(r -> r.filters(f)).vpcs(), Vpc::tags, key);
  }

  List<Subnet> subnets(String key) {
    return find(f -> ec2.describeSubnetsPaginator(r -> r.filters(f)).subnets(), Subnet::tags, key);
  }

  List<InternetGateway> internetGateways(String key) {
    return find(
        f -> ec2.describeInternetGatewaysPaginator(r -> r.filters(f)).internetGateways(),
        InternetGateway::tags,
        key);
  }

  List<RouteTable> routeTables(String key) {
    return find(
        f -> ec2.describeRouteTablesPaginator(r -> r.filters(f)).routeTables(),
        RouteTable::tags,
        key);
  }

  List<Address> addresses(String key) {
    return find(f -> ec2.describeAddresses(r -> r.filters(f)).addresses(), Address::tags, key);
  }

  /** NAT gateways pending, available or deleting; failed and deleted ones hold nothing. */
  List<NatGateway> natGateways(String key) {
    return find(
            f -> ec2.describeNatGatewaysPaginator(r -> r.filter(f)).natGateways(),
            NatGateway::tags,
            key)
        .stream()
        .filter(nat -> LIVE_NAT.contains(nat.state()))
        .toList();
  }

  List<SecurityGroup> securityGroups(String key) {
    return find(
        f -> ec2.describeSecurityGroupsPaginator(r -> r.filters(f)).securityGroups(),
        SecurityGroup::tags,
        key);
  }

  Optional<Vpc> vpc() {
    return vpcs(NetworkPart.vpc().key()).stream().findFirst();
  }

  Optional<Subnet> subnet(NetworkPart part) {
    return subnets(part.key()).stream().findFirst();
  }

  Optional<InternetGateway> internetGateway() {
    return internetGateways(NetworkPart.internetGateway().key()).stream().findFirst();
  }

  Optional<RouteTable> routeTable(NetworkPart part) {
    return routeTables(part.key()).stream().findFirst();
  }

  Optional<Address> address(NetworkPart part) {
    return addresses(part.key()).stream().findFirst();
  }

  Optional<NatGateway> natGateway(NetworkPart part) {
    return natGateways(part.key()).stream()
        .filter(nat -> nat.state() != NatGatewayState.DELETING)
        .findFirst();
  }

  Optional<SecurityGroup> securityGroup(NetworkPart part) {
    return securityGroups(part.key()).stream().findFirst();
  }

  private <T> List<T> find(
      Function<List<Filter>, Iterable<T>> describe, Function<T, List<Tag>> tags, String key) {
    Iterable<T> found = describe.apply(NetworkTags.filters(network, key));
    return java.util.stream.StreamSupport.stream(found.spliterator(), false)
        .filter(item -> NetworkTags.belongs(tags.apply(item), network, key))
        .toList();
  }
}
