package dev.ekskit.core.sim;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Every networking resource an EC2 account holds, read from outside with plain describes (main
 * route tables and NAT gateways that are deleted or failed aside): what a test checks after a
 * create (one of each) and after a delete (nothing).
 */
public record NetworkLeftovers(
    List<String> vpcs,
    List<String> subnets,
    List<String> internetGateways,
    List<String> routeTables,
    List<String> addresses,
    List<String> natGateways,
    List<String> securityGroups,
    List<String> interfaces) {

  public static NetworkLeftovers of(Ec2Client ec2) {
    return new NetworkLeftovers(
        ec2.describeVpcs(r -> {}).vpcs().stream().map(Vpc::vpcId).toList(),
        ec2.describeSubnets(r -> {}).subnets().stream().map(Subnet::subnetId).toList(),
        ec2.describeInternetGateways(r -> {}).internetGateways().stream()
            .map(InternetGateway::internetGatewayId)
            .toList(),
        ec2.describeRouteTables(r -> {}).routeTables().stream()
            .filter(
                table ->
                    table.associations().stream().noneMatch(a -> Boolean.TRUE.equals(a.main())))
            .map(RouteTable::routeTableId)
            .toList(),
        ec2.describeAddresses(r -> {}).addresses().stream().map(Address::allocationId).toList(),
        ec2.describeNatGateways(r -> {}).natGateways().stream()
            .filter(
                nat ->
                    nat.state() != NatGatewayState.DELETED && nat.state() != NatGatewayState.FAILED)
            .map(NatGateway::natGatewayId)
            .toList(),
        ec2.describeSecurityGroups(r -> {}).securityGroups().stream()
            .filter(group -> !group.groupName().equals("default"))
            .map(SecurityGroup::groupId)
            .toList(),
        ec2.describeNetworkInterfaces(r -> {}).networkInterfaces().stream()
            .map(NetworkInterface::networkInterfaceId)
            .toList());
  }

  public boolean none() {
    return vpcs.isEmpty()
        && subnets.isEmpty()
        && internetGateways.isEmpty()
        && routeTables.isEmpty()
        && addresses.isEmpty()
        && natGateways.isEmpty()
        && securityGroups.isEmpty()
        && interfaces.isEmpty();
  }
}
