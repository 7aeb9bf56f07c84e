package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * What connects simulated VPCs to the world: internet gateways, Elastic IPs, NAT gateways and route
 * tables, with EC2's checks between them (one gateway per VPC; no detaching while a NAT gateway's
 * address is mapped; no routing to what does not exist).
 */
public final class VpcGateways {
  private final Ec2Network network;
  private final Supplier<Instant> clock;
  private final InternetGateways internetGateways;
  private final ElasticIps addresses;
  private final NatGateways natGateways;
  private final RouteTables routeTables;

  public VpcGateways(
      Ec2Network network,
      Ids ids,
      String region,
      String accountId,
      Supplier<Instant> clock,
      DurationSampler durations,
      NetworkFaults faults) {
    this.network = network;
    this.clock = clock;
    this.internetGateways = new InternetGateways(ids, accountId);
    this.addresses = new ElasticIps(ids, region);
    this.natGateways =
        new NatGateways(ids, clock, durations, faults, addresses, network.interfaces());
    this.routeTables = new RouteTables(ids);
  }

  InternetGateway createInternetGateway(CreateInternetGatewayRequest request) {
    return internetGateways.create(Ec2Filter.tags(request.tagSpecifications()));
  }

  void attachInternetGateway(AttachInternetGatewayRequest request) {
    requireVpc(request.vpcId());
    internetGateways
        .attachedTo(request.vpcId())
        .filter(other -> !other.equals(request.internetGatewayId()))
        .ifPresent(
            other -> {
              throw Errors.ec2(
                  400,
                  "InvalidParameterValue",
                  "Network " + request.vpcId() + " already has an internet gateway attached");
            });
    internetGateways.attach(request.internetGatewayId(), request.vpcId());
  }

  void detachInternetGateway(DetachInternetGatewayRequest request) {
    if (addresses.mappedIn(request.vpcId(), clock.get())) {
      throw Errors.ec2(
          400,
          "DependencyViolation",
          "Network "
              + request.vpcId()
              + " has some mapped public address(es). Please unmap those public address(es)"
              + " before detaching the gateway.");
    }
    internetGateways.detach(request.internetGatewayId(), request.vpcId());
  }

  void deleteInternetGateway(String internetGatewayId) {
    internetGateways.delete(internetGatewayId);
  }

  List<InternetGateway> describeInternetGateways(DescribeInternetGatewaysRequest request) {
    return internetGateways.describe(request.internetGatewayIds(), request.filters());
  }

  AllocateAddressResponse allocateAddress(AllocateAddressRequest request) {
    if (request.domain() == DomainType.STANDARD) {
      throw Errors.ec2(400, "InvalidParameterValue", "EC2-Classic addresses are not supported");
    }
    Address address = addresses.allocate(Ec2Filter.tags(request.tagSpecifications()));
    return AllocateAddressResponse.builder()
        .allocationId(address.allocationId())
        .publicIp(address.publicIp())
        .domain(address.domain())
        .networkBorderGroup(address.networkBorderGroup())
        .publicIpv4Pool(address.publicIpv4Pool())
        .build();
  }

  void releaseAddress(String allocationId) {
    addresses.release(allocationId, clock.get());
  }

  List<Address> describeAddresses(DescribeAddressesRequest request) {
    return addresses.describe(request.allocationIds(), request.filters(), clock.get());
  }

  NatGateway createNatGateway(CreateNatGatewayRequest request) {
    Subnet subnet = requireSubnet(request.subnetId());
    return natGateways.create(
        subnet,
        request.allocationId(),
        request.clientToken(),
        Ec2Filter.tags(request.tagSpecifications()),
        internetGateways.attachedTo(subnet.vpcId()).isPresent());
  }

  void deleteNatGateway(String natGatewayId) {
    natGateways.delete(natGatewayId);
  }

  List<NatGateway> describeNatGateways(DescribeNatGatewaysRequest request) {
    return natGateways.describe(request.natGatewayIds(), request.filter());
  }

  RouteTable createRouteTable(CreateRouteTableRequest request) {
    return routeTables.create(
        requireVpc(request.vpcId()),
        request.clientToken(),
        Ec2Filter.tags(request.tagSpecifications()));
  }

  void createRoute(CreateRouteRequest request) {
    if (request.gatewayId() != null && !internetGateways.exists(request.gatewayId())) {
      throw Errors.ec2(
          400,
          "InvalidGatewayID.NotFound",
          "The gateway ID '" + request.gatewayId() + "' does not exist");
    }
    if (request.natGatewayId() != null && !natGateways.exists(request.natGatewayId())) {
      throw Errors.ec2(
          400,
          "InvalidNatGatewayID.NotFound",
          "The natGateway ID '" + request.natGatewayId() + "' does not exist");
    }
    routeTables.createRoute(
        request.routeTableId(),
        request.destinationCidrBlock(),
        request.gatewayId(),
        request.natGatewayId());
  }

  AssociateRouteTableResponse associateRouteTable(AssociateRouteTableRequest request) {
    String association =
        routeTables.associate(request.routeTableId(), requireSubnet(request.subnetId()));
    return AssociateRouteTableResponse.builder()
        .associationId(association)
        .associationState(s -> s.state("associated"))
        .build();
  }

  void disassociateRouteTable(String associationId) {
    routeTables.disassociate(associationId);
  }

  void deleteRouteTable(String routeTableId) {
    routeTables.delete(routeTableId);
  }

  List<RouteTable> describeRouteTables(DescribeRouteTablesRequest request) {
    return routeTables.describe(
        network.vpcs(List.of(), List.of()), request.routeTableIds(), request.filters());
  }

  /** Makes {@code subnetId} public: routed to an internet gateway. */
  void routeToInternet(String subnetId) {
    routeTables.routeToInternet(requireSubnet(subnetId));
  }

  /** What keeps {@code vpcId} from being deleted: its gateway, its own tables, NAT gateways. */
  List<String> dependentsOf(String vpcId) {
    List<String> dependents = new ArrayList<>();
    internetGateways.attachedTo(vpcId).ifPresent(dependents::add);
    dependents.addAll(routeTables.ofVpc(vpcId));
    dependents.addAll(natGateways.liveIn(vpcId));
    return dependents;
  }

  /** A deleted subnet takes its route table associations with it. */
  void forgetSubnet(String subnetId) {
    routeTables.forgetSubnet(subnetId);
  }

  private Vpc requireVpc(String vpcId) {
    return network
        .vpc(vpcId)
        .orElseThrow(
            () ->
                Errors.ec2(
                    400, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist"));
  }

  private Subnet requireSubnet(String subnetId) {
    return network
        .subnet(subnetId)
        .orElseThrow(
            () ->
                Errors.ec2(
                    400,
                    "InvalidSubnetID.NotFound",
                    "The subnet ID '" + subnetId + "' does not exist"));
  }
}
