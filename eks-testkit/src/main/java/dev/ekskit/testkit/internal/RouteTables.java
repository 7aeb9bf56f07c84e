package dev.ekskit.testkit.internal;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * The route tables of simulated VPCs: each has only the main route table EC2 creates with it,
 * holding the local route. No internet gateway exists, so every simulated subnet is private.
 */
final class RouteTables {
  private RouteTables() {}

  /** Main tables of the VPCs matching {@code filters} (only {@code vpc-id} is understood). */
  static List<RouteTable> mainTables(Ec2Network network, List<Filter> filters) {
    return network.vpcs(List.of(), filters).stream()
        .map(
            vpc -> {
              String tableId = "rtb-" + vpc.vpcId().substring("vpc-".length());
              return RouteTable.builder()
                  .routeTableId(tableId)
                  .vpcId(vpc.vpcId())
                  .ownerId(vpc.ownerId())
                  .associations(
                      RouteTableAssociation.builder()
                          .main(true)
                          .routeTableId(tableId)
                          .routeTableAssociationId("rtbassoc-" + tableId.substring(4))
                          .build())
                  .routes(
                      Route.builder()
                          .destinationCidrBlock(vpc.cidrBlock())
                          .gatewayId("local")
                          .state("active")
                          .build())
                  .build();
            })
        .toList();
  }
}
