package dev.ekskit.core.internal.network;

import static dev.ekskit.core.internal.network.TaggedCreate.differ;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.spi.CreateOrAdopt;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The create-or-adopt of each kind of part, tagged in the create call itself. Route tables and NAT
 * gateways also carry a client token, pinned here for every attempt of this run; the creates that
 * take none are sent once per attempt ({@link SentOnce}).
 */
final class PartCreates {
  private final Ec2Client ec2;
  private final NetworkSpec spec;
  private final NetworkFinder finder;
  private final String cleanup;

  PartCreates(Ec2Client ec2, NetworkSpec spec, NetworkFinder finder, String cleanup) {
    this.ec2 = ec2;
    this.spec = spec;
    this.finder = finder;
    this.cleanup = cleanup;
  }

  CreateOrAdopt<Vpc> vpc() {
    NetworkPart part = NetworkPart.vpc();
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        finder::vpc,
        () ->
            ec2.createVpc(
                    r ->
                        r.cidrBlock(spec.cidrBlock())
                            .overrideConfiguration(SentOnce::configure)
                            .tagSpecifications(
                                NetworkTags.specification(
                                    ResourceType.VPC, NetworkTags.of(spec, part))))
                .vpc(),
        existing -> differ("cidrBlock", spec.cidrBlock(), existing.cidrBlock()));
  }

  CreateOrAdopt<InternetGateway> internetGateway() {
    NetworkPart part = NetworkPart.internetGateway();
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        finder::internetGateway,
        () ->
            ec2.createInternetGateway(
                    r ->
                        r.overrideConfiguration(SentOnce::configure)
                            .tagSpecifications(
                                NetworkTags.specification(
                                    ResourceType.INTERNET_GATEWAY, NetworkTags.of(spec, part))))
                .internetGateway(),
        existing -> List.of());
  }

  CreateOrAdopt<Subnet> subnet(
      NetworkPart part, String vpcId, String zone, String cidr, boolean isPublic) {
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        () -> finder.subnet(part),
        () ->
            ec2.createSubnet(
                    r ->
                        r.vpcId(vpcId)
                            .cidrBlock(cidr)
                            .availabilityZone(zone)
                            .overrideConfiguration(SentOnce::configure)
                            .tagSpecifications(
                                NetworkTags.specification(
                                    ResourceType.SUBNET,
                                    NetworkTags.ofSubnet(spec, part, isPublic))))
                .subnet(),
        existing -> {
          List<FieldDifference> differences = new ArrayList<>();
          differences.addAll(differ("vpc", vpcId, existing.vpcId()));
          differences.addAll(differ("subnet cidrBlock", cidr, existing.cidrBlock()));
          differences.addAll(differ("zone", zone, existing.availabilityZone()));
          return differences;
        });
  }

  CreateOrAdopt<RouteTable> routeTable(NetworkPart part, String vpcId) {
    String token = UUID.randomUUID().toString();
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        () -> finder.routeTable(part),
        () ->
            ec2.createRouteTable(
                    r ->
                        r.vpcId(vpcId)
                            .clientToken(token)
                            .tagSpecifications(
                                NetworkTags.specification(
                                    ResourceType.ROUTE_TABLE, NetworkTags.of(spec, part))))
                .routeTable(),
        existing -> differ("vpc", vpcId, existing.vpcId()));
  }

  CreateOrAdopt<Address> address(NetworkPart part) {
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        () -> finder.address(part),
        () -> {
          AllocateAddressResponse allocated =
              ec2.allocateAddress(
                  r ->
                      r.domain(DomainType.VPC)
                          .overrideConfiguration(SentOnce::configure)
                          .tagSpecifications(
                              NetworkTags.specification(
                                  ResourceType.ELASTIC_IP, NetworkTags.of(spec, part))));
          return Address.builder()
              .allocationId(allocated.allocationId())
              .publicIp(allocated.publicIp())
              .build();
        },
        existing -> List.of());
  }

  CreateOrAdopt<NatGateway> natGateway(NetworkPart part, String subnetId, String allocationId) {
    String token = UUID.randomUUID().toString();
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        () -> finder.natGateway(part),
        () ->
            ec2.createNatGateway(
                    r ->
                        r.subnetId(subnetId)
                            .allocationId(allocationId)
                            .clientToken(token)
                            .tagSpecifications(
                                NetworkTags.specification(
                                    ResourceType.NATGATEWAY, NetworkTags.of(spec, part))))
                .natGateway(),
        existing -> differ("NAT gateway subnet", subnetId, existing.subnetId()));
  }

  CreateOrAdopt<SecurityGroup> securityGroup(NetworkPart part, String vpcId, String description) {
    String name = part.name(spec.name());
    return TaggedCreate.of(
        part.ref(spec.name()),
        cleanup,
        () -> finder.securityGroup(part),
        () -> {
          String id =
              ec2.createSecurityGroup(
                      r ->
                          r.vpcId(vpcId)
                              .groupName(name)
                              .description(description)
                              .tagSpecifications(
                                  NetworkTags.specification(
                                      ResourceType.SECURITY_GROUP, NetworkTags.of(spec, part))))
                  .groupId();
          return SecurityGroup.builder().groupId(id).groupName(name).vpcId(vpcId).build();
        },
        existing -> differ("vpc", vpcId, existing.vpcId()));
  }
}
