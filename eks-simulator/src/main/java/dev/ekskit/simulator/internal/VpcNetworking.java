package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The VPC operations beyond create and describe: attributes, security group rules, deletes with
 * EC2's {@code DependencyViolation} while something still uses what is deleted (subnets and
 * security groups while an interface is in them, a group while another group's rule names it, a VPC
 * while it has subnets, groups, its own route tables, a gateway or a NAT gateway), interfaces, and
 * which zones offer which instance types. New VPCs have DNS support on and DNS hostnames off, as
 * EC2 makes them; they have no default security group here.
 */
public final class VpcNetworking {
  private record DnsSettings(boolean support, boolean hostnames) {}

  private final Ec2Network network;
  private final VpcGateways gateways;
  private final String region;
  private final Supplier<Instant> clock;
  private final Map<String, DnsSettings> dns = new HashMap<>();

  public VpcNetworking(
      Ec2Network network, VpcGateways gateways, String region, Supplier<Instant> clock) {
    this.network = network;
    this.gateways = gateways;
    this.region = region;
    this.clock = clock;
  }

  void modifyVpcAttribute(ModifyVpcAttributeRequest request) {
    requireVpc(request.vpcId());
    DnsSettings now = dnsOf(request.vpcId());
    dns.put(
        request.vpcId(),
        new DnsSettings(
            valueOr(request.enableDnsSupport(), now.support()),
            valueOr(request.enableDnsHostnames(), now.hostnames())));
  }

  DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
    requireVpc(request.vpcId());
    DnsSettings now = dnsOf(request.vpcId());
    DescribeVpcAttributeResponse.Builder response =
        DescribeVpcAttributeResponse.builder().vpcId(request.vpcId());
    switch (request.attribute()) {
      case ENABLE_DNS_SUPPORT -> response.enableDnsSupport(bool(now.support()));
      case ENABLE_DNS_HOSTNAMES -> response.enableDnsHostnames(bool(now.hostnames()));
      default -> response.enableNetworkAddressUsageMetrics(bool(false));
    }
    return response.build();
  }

  void modifySubnetAttribute(ModifySubnetAttributeRequest request) {
    Subnet subnet = requireSubnet(request.subnetId());
    if (request.mapPublicIpOnLaunch() != null) {
      network.replace(
          subnet.toBuilder().mapPublicIpOnLaunch(request.mapPublicIpOnLaunch().value()).build());
    }
  }

  void authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request) {
    SecurityGroup group = requireGroup(request.groupId());
    network.replace(
        SecurityGroupRules.authorizeIngress(
            group, request.ipPermissions(), network::hasSecurityGroup));
  }

  void revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request) {
    SecurityGroup group = requireGroup(request.groupId());
    network.replace(SecurityGroupRules.revokeIngress(group, request.ipPermissions()));
  }

  void deleteSecurityGroup(String groupId) {
    requireGroup(groupId);
    boolean referenced =
        network.securityGroups(List.of(), List.of(), List.of()).stream()
            .filter(other -> !other.groupId().equals(groupId))
            .anyMatch(other -> SecurityGroupRules.references(other, groupId));
    if (referenced || !network.interfaces().usingGroup(groupId, clock.get()).isEmpty()) {
      throw Errors.ec2(
          400, "DependencyViolation", "resource " + groupId + " has a dependent object");
    }
    network.removeSecurityGroup(groupId);
  }

  void deleteSubnet(String subnetId) {
    requireSubnet(subnetId);
    if (!network.interfaces().inSubnet(subnetId, clock.get()).isEmpty()) {
      throw Errors.ec2(
          400,
          "DependencyViolation",
          "The subnet '" + subnetId + "' has dependencies and cannot be deleted.");
    }
    gateways.forgetSubnet(subnetId);
    network.removeSubnet(subnetId);
  }

  void deleteVpc(String vpcId) {
    requireVpc(vpcId);
    List<String> dependents = new ArrayList<>(gateways.dependentsOf(vpcId));
    network.subnets(List.of(), List.of()).stream()
        .filter(subnet -> subnet.vpcId().equals(vpcId))
        .forEach(subnet -> dependents.add(subnet.subnetId()));
    network.securityGroups(List.of(), List.of(), List.of()).stream()
        .filter(group -> group.vpcId().equals(vpcId))
        .forEach(group -> dependents.add(group.groupId()));
    if (!dependents.isEmpty()) {
      throw Errors.ec2(
          400,
          "DependencyViolation",
          "The vpc '" + vpcId + "' has dependencies and cannot be deleted.");
    }
    dns.remove(vpcId);
    network.removeVpc(vpcId);
  }

  List<NetworkInterface> describeNetworkInterfaces(DescribeNetworkInterfacesRequest request) {
    return network
        .interfaces()
        .describe(request.networkInterfaceIds(), request.filters(), clock.get());
  }

  void deleteNetworkInterface(String interfaceId) {
    network.interfaces().delete(interfaceId, clock.get());
  }

  List<InstanceTypeOffering> describeInstanceTypeOfferings(
      DescribeInstanceTypeOfferingsRequest request) {
    return InstanceTypeOfferings.describe(
        region, network.zones(List.of()), request.locationType(), request.filters());
  }

  private DnsSettings dnsOf(String vpcId) {
    return dns.getOrDefault(vpcId, new DnsSettings(true, false));
  }

  private static boolean valueOr(AttributeBooleanValue value, boolean current) {
    return value == null || value.value() == null ? current : value.value();
  }

  private static AttributeBooleanValue bool(boolean value) {
    return AttributeBooleanValue.builder().value(value).build();
  }

  private void requireVpc(String vpcId) {
    if (vpcId == null || network.vpc(vpcId).isEmpty()) {
      throw Errors.ec2(400, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
    }
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

  private SecurityGroup requireGroup(String groupId) {
    return network
        .securityGroup(groupId)
        .orElseThrow(
            () ->
                Errors.ec2(
                    400,
                    "InvalidGroup.NotFound",
                    "The security group '" + groupId + "' does not exist"));
  }
}
