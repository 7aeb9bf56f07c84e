package dev.ekskit.fargate.internal;

import dev.ekskit.core.spi.SubnetCheck;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * Fargate runs pods only in private subnets. A subnet is public when its route table (the one
 * explicitly associated with it, else its VPC's main route table) has a route to an internet
 * gateway ({@code igw-...}).
 */
public final class PrivateSubnets {
  private PrivateSubnets() {}

  /** Throws {@link dev.ekskit.core.InvalidSpecException} naming every missing or public subnet. */
  public static void require(Ec2Client ec2, List<String> subnetIds) {
    SubnetCheck.requireUsable(ec2, "FargateProfileSpec", "subnetIds", subnetIds, 1);
    String vpcId = ec2.describeSubnets(r -> r.subnetIds(subnetIds)).subnets().get(0).vpcId();
    List<RouteTable> tables =
        ec2
            .describeRouteTablesPaginator(
                r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
            .routeTables()
            .stream()
            .toList();
    Violations v = new Violations("FargateProfileSpec");
    for (int i = 0; i < subnetIds.size(); i++) {
      String subnetId = subnetIds.get(i);
      Optional<RouteTable> table = tableOf(subnetId, tables);
      Optional<String> gateway = table.flatMap(PrivateSubnets::internetGateway);
      if (gateway.isPresent()) {
        v.add(
            "subnetIds[" + i + "]",
            "private",
            "subnet "
                + subnetId
                + " is public: its route table "
                + table.get().routeTableId()
                + " routes to internet gateway "
                + gateway.get()
                + "; Fargate needs private subnets (reach the internet through a NAT gateway)");
      }
    }
    v.throwIfAny();
  }

  private static Optional<RouteTable> tableOf(String subnetId, List<RouteTable> tables) {
    Optional<RouteTable> explicit =
        tables.stream()
            .filter(t -> t.associations().stream().anyMatch(a -> subnetId.equals(a.subnetId())))
            .findFirst();
    return explicit.or(
        () ->
            tables.stream()
                .filter(t -> t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())))
                .findFirst());
  }

  private static Optional<String> internetGateway(RouteTable table) {
    return table.routes().stream()
        .map(route -> route.gatewayId())
        .filter(id -> id != null && id.startsWith("igw-"))
        .findFirst();
  }
}
