package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The route tables of simulated VPCs. Each VPC has the main route table EC2 creates with it,
 * holding only the local route, so its subnets are private until they are associated with a table
 * that routes to an internet gateway. Tables are created, given routes, associated with subnets,
 * disassociated and deleted as in EC2 (a table with subnets cannot be deleted; a main table goes
 * only with its VPC). A test can also make a subnet public with {@link #routeToInternet}: it gets a
 * table of its own with a default route to the VPC's internet gateway.
 */
final class RouteTables {
  private static final class Table {
    final String id;
    final String vpcId;
    final String token;
    final List<Tag> tags;
    final List<Route> routes = new ArrayList<>();
    final Map<String, String> subnetsByAssociation = new LinkedHashMap<>();

    Table(String id, String vpcId, String token, List<Tag> tags) {
      this.id = id;
      this.vpcId = vpcId;
      this.token = token;
      this.tags = List.copyOf(tags);
    }
  }

  private final Ids ids;

  /** Public subnets by id, with their VPC: the tables {@link #routeToInternet} made. */
  private final Map<String, Subnet> publicSubnets = new TreeMap<>();

  private final Map<String, Table> tables = new LinkedHashMap<>();

  RouteTables(Ids ids) {
    this.ids = ids;
  }

  /** Associates {@code subnet} with a table routing {@code 0.0.0.0/0} to an internet gateway. */
  synchronized void routeToInternet(Subnet subnet) {
    publicSubnets.put(subnet.subnetId(), subnet);
  }

  synchronized RouteTable create(Vpc vpc, String token, List<Tag> tags) {
    if (token != null) {
      for (Table existing : tables.values()) {
        if (token.equals(existing.token)) {
          if (!existing.vpcId.equals(vpc.vpcId())) {
            throw Errors.ec2(
                400,
                "IdempotentParameterMismatch",
                "The client token " + token + " was used with other parameters");
          }
          return toSdk(existing);
        }
      }
    }
    Table table = new Table("rtb-" + ids.hex(17), vpc.vpcId(), token, tags);
    table.routes.add(local(vpc.cidrBlock()));
    tables.put(table.id, table);
    return toSdk(table);
  }

  /**
   * A route to an internet gateway or a NAT gateway; another route to the same place is refused.
   */
  synchronized void createRoute(
      String tableId, String destination, String gatewayId, String natGatewayId) {
    Table table = require(tableId);
    if (table.routes.stream().anyMatch(r -> destination.equals(r.destinationCidrBlock()))) {
      throw Errors.ec2(
          400, "RouteAlreadyExists", "The route identified by " + destination + " already exists.");
    }
    table.routes.add(
        Route.builder()
            .destinationCidrBlock(destination)
            .gatewayId(gatewayId)
            .natGatewayId(natGatewayId)
            .origin("CreateRoute")
            .state("active")
            .build());
  }

  /** Explicitly associates {@code subnet}, which may have no other explicit table. */
  synchronized String associate(String tableId, Subnet subnet) {
    Table table = require(tableId);
    if (!table.vpcId.equals(subnet.vpcId())) {
      throw Errors.ec2(
          400,
          "InvalidParameterValue",
          "Route table "
              + tableId
              + " and subnet "
              + subnet.subnetId()
              + " belong to different"
              + " networks");
    }
    boolean taken =
        publicSubnets.containsKey(subnet.subnetId())
            || tables.values().stream()
                .anyMatch(t -> t.subnetsByAssociation.containsValue(subnet.subnetId()));
    if (taken) {
      throw Errors.ec2(
          400,
          "Resource.AlreadyAssociated",
          "the specified association for route table "
              + tableId
              + " conflicts with an existing association");
    }
    String association = "rtbassoc-" + ids.hex(17);
    table.subnetsByAssociation.put(association, subnet.subnetId());
    return association;
  }

  synchronized void disassociate(String associationId) {
    Table table =
        tables.values().stream()
            .filter(t -> t.subnetsByAssociation.containsKey(associationId))
            .findFirst()
            .orElseThrow(
                () ->
                    Errors.ec2(
                        400,
                        "InvalidAssociationID.NotFound",
                        "The association ID '" + associationId + "' does not exist"));
    table.subnetsByAssociation.remove(associationId);
  }

  synchronized void delete(String tableId) {
    Table table = tables.get(tableId);
    if (table == null) {
      throw Errors.ec2(
          400,
          "InvalidRouteTableID.NotFound",
          "The routeTable ID '" + tableId + "' does not exist");
    }
    if (!table.subnetsByAssociation.isEmpty()) {
      throw Errors.ec2(
          400,
          "DependencyViolation",
          "The routeTable '" + tableId + "' has dependencies and cannot be deleted.");
    }
    tables.remove(tableId);
  }

  /** A deleted subnet's associations go with it. */
  synchronized void forgetSubnet(String subnetId) {
    publicSubnets.remove(subnetId);
    tables.values().forEach(t -> t.subnetsByAssociation.values().remove(subnetId));
  }

  /** The tables of {@code vpcId} besides its main one, which keep the VPC from being deleted. */
  synchronized List<String> ofVpc(String vpcId) {
    return tables.values().stream().filter(t -> t.vpcId.equals(vpcId)).map(t -> t.id).toList();
  }

  /** Every table of {@code vpcs} (main ones included) matching the ids and filters. */
  synchronized List<RouteTable> describe(
      List<Vpc> vpcs, List<String> tableIds, List<Filter> filters) {
    List<RouteTable> all = new ArrayList<>();
    vpcs.forEach(vpc -> all.addAll(synthesized(vpc)));
    tables.values().forEach(table -> all.add(toSdk(table)));
    for (String id : tableIds) {
      if (all.stream().noneMatch(t -> t.routeTableId().equals(id))) {
        throw Errors.ec2(
            400, "InvalidRouteTableID.NotFound", "The routeTable ID '" + id + "' does not exist");
      }
    }
    return all.stream()
        .filter(t -> tableIds.isEmpty() || tableIds.contains(t.routeTableId()))
        .filter(t -> Ec2Filter.matches(filters, attributes(t), t.tags()))
        .toList();
  }

  /** The main table of {@code vpc}, and the tables of the subnets made public by a test. */
  private List<RouteTable> synthesized(Vpc vpc) {
    List<RouteTable> found = new ArrayList<>();
    String suffix = vpc.vpcId().substring("vpc-".length());
    Route local = local(vpc.cidrBlock());
    found.add(table("rtb-" + suffix, vpc.vpcId(), association("rtb-" + suffix, null), local));
    publicSubnets.values().stream()
        .filter(subnet -> subnet.vpcId().equals(vpc.vpcId()))
        .forEach(
            subnet -> {
              String id = "rtb-" + subnet.subnetId().substring("subnet-".length());
              found.add(
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
    return found;
  }

  private static Map<String, List<String>> attributes(RouteTable table) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("route-table-id", List.of(table.routeTableId()));
    attributes.put("vpc-id", List.of(table.vpcId()));
    attributes.put(
        "association.subnet-id",
        table.associations().stream()
            .map(RouteTableAssociation::subnetId)
            .filter(Objects::nonNull)
            .toList());
    attributes.put(
        "association.route-table-association-id",
        table.associations().stream().map(RouteTableAssociation::routeTableAssociationId).toList());
    attributes.put(
        "association.main",
        List.of(
            String.valueOf(
                table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())))));
    return attributes;
  }

  private Table require(String tableId) {
    Table table = tables.get(tableId);
    if (table == null) {
      throw Errors.ec2(
          400,
          "InvalidRouteTableID.NotFound",
          "The routeTable ID '" + tableId + "' does not exist");
    }
    return table;
  }

  private static RouteTable toSdk(Table table) {
    return RouteTable.builder()
        .routeTableId(table.id)
        .vpcId(table.vpcId)
        .tags(table.tags)
        .routes(table.routes)
        .associations(
            table.subnetsByAssociation.entrySet().stream()
                .map(
                    e ->
                        RouteTableAssociation.builder()
                            .main(false)
                            .subnetId(e.getValue())
                            .routeTableId(table.id)
                            .routeTableAssociationId(e.getKey())
                            .build())
                .toList())
        .build();
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
