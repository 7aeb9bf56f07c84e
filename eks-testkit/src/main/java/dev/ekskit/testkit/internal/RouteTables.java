package dev.ekskit.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The route tables of simulated VPCs: each VPC has the main route table EC2 creates with it,
 * holding only the local route, so its subnets are private. A test makes a subnet public with
 * {@link #routeToInternet}: it gets its own table with a default route to the VPC's internet
 * gateway.
 */
final class RouteTables {
  /** Public subnets by id, with their VPC. */
  private final Map<String, Subnet> publicSubnets = new TreeMap<>();

  /** Associates {@code subnet} with a table routing {@code 0.0.0.0/0} to an internet gateway. */
  synchronized void routeToInternet(Subnet subnet) {
    publicSubnets.put(subnet.subnetId(), subnet);
  }

  /** Tables of the VPCs matching {@code filters} (only {@code vpc-id} is understood). */
  synchronized List<RouteTable> describe(Ec2Network network, List<Filter> filters) {
    List<RouteTable> tables = new ArrayList<>();
    network
        .vpcs(List.of(), filters)
        .forEach(
            vpc -> {
              String suffix = vpc.vpcId().substring("vpc-".length());
              Route local = local(vpc.cidrBlock());
              tables.add(
                  table("rtb-" + suffix, vpc.vpcId(), association("rtb-" + suffix, null), local));
              publicSubnets.values().stream()
                  .filter(subnet -> subnet.vpcId().equals(vpc.vpcId()))
                  .forEach(
                      subnet -> {
                        String id = "rtb-" + subnet.subnetId().substring("subnet-".length());
                        tables.add(
                            table(
                                id,
                                vpc.vpcId(),
                                association(id, subnet.subnetId()),
                                local,
                                Route.builder()
                                    .destinationCidrBlock("0.0.0.0/0")
                                    .gatewayId("igw-" + suffix)
                                    .state("active")
                                    .build()));
                      });
            });
    return tables;
  }

  private static Route local(String cidr) {
    return Route.builder().destinationCidrBlock(cidr).gatewayId("local").state("active").build();
  }

  /** The main association when {@code subnetId} is null, else the subnet's explicit one. */
  private static RouteTableAssociation association(String tableId, String subnetId) {
    return RouteTableAssociation.builder()
        .main(subnetId == null)
        .subnetId(subnetId)
        .routeTableId(tableId)
        .routeTableAssociationId("rtbassoc-" + tableId.substring("rtb-".length()))
        .build();
  }

  private static RouteTable table(
      String id, String vpcId, RouteTableAssociation association, Route... routes) {
    return RouteTable.builder()
        .routeTableId(id)
        .vpcId(vpcId)
        .associations(association)
        .routes(routes)
        .build();
  }
}
