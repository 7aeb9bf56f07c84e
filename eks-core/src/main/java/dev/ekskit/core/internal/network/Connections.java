package dev.ekskit.core.internal.network;

import static dev.ekskit.core.internal.network.NetworkTags.filter;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * What ties the parts together (the gateway attached, DNS on, public addresses on launch, default
 * routes, subnet associations), each a blocking call that looks before it acts, so that repeating
 * it after a lost answer or a crash does nothing twice. EC2's "already there" answers are read as
 * done when what is there is what was asked for, and as a conflict otherwise.
 */
final class Connections {
  static final String DEFAULT_ROUTE = "0.0.0.0/0";

  private Connections() {}

  /** Attaches the gateway to the VPC unless it is attached already. */
  static void attach(Ec2Client ec2, ResourceRef ref, String gatewayId, String vpcId) {
    if (attachedTo(ec2, gatewayId).contains(vpcId)) {
      return;
    }
    try {
      ec2.attachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId));
    } catch (RuntimeException e) {
      if (!"Resource.AlreadyAssociated".equals(AwsErrors.errorCode(e))) {
        throw e;
      }
      List<String> vpcs = attachedTo(ec2, gatewayId);
      if (!vpcs.contains(vpcId)) {
        throw new ConflictException(
            ref, List.of(new FieldDifference("attached to", vpcId, vpcs.toString())), e);
      }
    }
  }

  /**
   * DNS resolution, then DNS hostnames (which need it), as EKS nodes require; each only when off,
   * so that finishing a network that has them changes nothing.
   */
  static void enableDns(Ec2Client ec2, String vpcId) {
    boolean support =
        ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
            .enableDnsSupport()
            .value();
    if (!support) {
      ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(b -> b.value(true)));
    }
    boolean hostnames =
        ec2.describeVpcAttribute(
                r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
            .enableDnsHostnames()
            .value();
    if (!hostnames) {
      ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(b -> b.value(true)));
    }
  }

  /** Instances launched in a public subnet get a public address, as eksctl sets it. */
  static void mapPublicIps(Ec2Client ec2, Subnet subnet) {
    if (!Boolean.TRUE.equals(subnet.mapPublicIpOnLaunch())) {
      ec2.modifySubnetAttribute(
          r -> r.subnetId(subnet.subnetId()).mapPublicIpOnLaunch(b -> b.value(true)));
    }
  }

  /**
   * The table's default route to {@code gatewayId} (an internet gateway) or {@code natGatewayId},
   * unless it has it; a default route elsewhere is a conflict.
   */
  static void defaultRoute(
      Ec2Client ec2, ResourceRef ref, String tableId, String gatewayId, String natGatewayId) {
    String target = gatewayId != null ? gatewayId : natGatewayId;
    Optional<String> existing = defaultTarget(ec2, tableId);
    if (existing.isEmpty()) {
      try {
        ec2.createRoute(
            r ->
                r.routeTableId(tableId)
                    .destinationCidrBlock(DEFAULT_ROUTE)
                    .gatewayId(gatewayId)
                    .natGatewayId(natGatewayId));
        return;
      } catch (RuntimeException e) {
        if (!AwsErrors.saysItExists(e)) {
          throw e;
        }
        existing = defaultTarget(ec2, tableId);
      }
    }
    if (!existing.get().equals(target)) {
      throw new ConflictException(
          ref, List.of(new FieldDifference("default route", target, existing.get())), null);
    }
  }

  /** Associates the subnet with the table unless it is; one associated elsewhere is a conflict. */
  static void associate(Ec2Client ec2, ResourceRef ref, String tableId, String subnetId) {
    if (tableOf(ec2, subnetId).filter(tableId::equals).isPresent()) {
      return;
    }
    try {
      ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));
    } catch (RuntimeException e) {
      if (!"Resource.AlreadyAssociated".equals(AwsErrors.errorCode(e))) {
        throw e;
      }
      String other = tableOf(ec2, subnetId).orElse("none");
      if (!other.equals(tableId)) {
        throw new ConflictException(
            ref, List.of(new FieldDifference("route table of " + subnetId, tableId, other)), e);
      }
    }
  }

  private static List<String> attachedTo(Ec2Client ec2, String gatewayId) {
    return ec2
        .describeInternetGateways(r -> r.internetGatewayIds(gatewayId))
        .internetGateways()
        .stream()
        .map(InternetGateway::attachments)
        .flatMap(List::stream)
        .map(attachment -> attachment.vpcId())
        .toList();
  }

  private static Optional<String> defaultTarget(Ec2Client ec2, String tableId) {
    return ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().stream()
        .map(RouteTable::routes)
        .flatMap(List::stream)
        .filter(route -> DEFAULT_ROUTE.equals(route.destinationCidrBlock()))
        .map(Connections::target)
        .findFirst();
  }

  private static String target(Route route) {
    return Objects.requireNonNullElse(
        route.gatewayId(), Objects.requireNonNullElse(route.natGatewayId(), "another target"));
  }

  /** The table the subnet is explicitly associated with, if any. */
  private static Optional<String> tableOf(Ec2Client ec2, String subnetId) {
    return ec2
        .describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId)))
        .routeTables()
        .stream()
        .filter(
            table ->
                table.associations().stream()
                    .map(RouteTableAssociation::subnetId)
                    .anyMatch(subnetId::equals))
        .map(RouteTable::routeTableId)
        .findFirst();
  }
}
