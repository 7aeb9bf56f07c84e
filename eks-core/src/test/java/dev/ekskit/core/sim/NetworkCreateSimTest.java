package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NatMode;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** Creating networks on the simulated AWS, checked from outside with plain EC2 describes. */
class NetworkCreateSimTest extends NetworkSimulation {
  @ParameterizedTest
  @EnumSource(Path.class)
  void create_defaults_eksctlLayoutInThreeZonesSkippingUse1Az3(Path path) {
    assertThat(aws.ec2().describeAvailabilityZones(r -> r.zoneNames("us-east-1c")))
        .satisfies(z -> assertThat(z.availabilityZones().get(0).zoneId()).isEqualTo("use1-az3"));

    NetworkInfo network = path.finish(kit.networks().create(spec().build()));

    assertThat(network.zones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1d");
    assertThat(network.cidrBlock()).isEqualTo("192.168.0.0/16");
    assertThat(cidrs(network.publicSubnetIds()))
        .containsExactly("192.168.0.0/19", "192.168.32.0/19", "192.168.64.0/19");
    assertThat(cidrs(network.privateSubnetIds()))
        .containsExactly("192.168.96.0/19", "192.168.128.0/19", "192.168.160.0/19");
    assertThat(zonesOf(network.publicSubnetIds())).isEqualTo(network.zones());
    assertThat(zonesOf(network.privateSubnetIds())).isEqualTo(network.zones());
    assertThat(kit.networks().describe("orders")).contains(network);
  }

  @Test
  void create_defaults_vpcHasDnsAndEachSubnetItsRoleAndPublicAddresses() {
    NetworkInfo network = kit.networks().create(spec().build()).join();

    assertThat(dns(network, VpcAttributeName.ENABLE_DNS_SUPPORT)).isTrue();
    assertThat(dns(network, VpcAttributeName.ENABLE_DNS_HOSTNAMES)).isTrue();
    subnets(network.publicSubnetIds())
        .forEach(
            subnet -> {
              assertThat(subnet.mapPublicIpOnLaunch()).isTrue();
              assertThat(tags(subnet.tags())).containsEntry("kubernetes.io/role/elb", "1");
            });
    subnets(network.privateSubnetIds())
        .forEach(
            subnet -> {
              assertThat(subnet.mapPublicIpOnLaunch()).isFalse();
              assertThat(tags(subnet.tags()))
                  .containsEntry("kubernetes.io/role/internal-elb", "1")
                  .doesNotContainKey("kubernetes.io/role/elb");
            });
  }

  @Test
  void create_singleNat_publicTableToGatewayAndEveryPrivateTableToTheOneNat() {
    NetworkInfo network = kit.networks().create(spec().build()).join();

    assertThat(network.natGatewayIds()).containsOnlyKeys("us-east-1a");
    NatGateway nat = nat(network.natGatewayIds().get("us-east-1a"));
    assertThat(nat.state()).isEqualTo(NatGatewayState.AVAILABLE);
    assertThat(nat.subnetId()).isEqualTo(network.publicSubnetIds().get("us-east-1a"));
    assertThat(nat.natGatewayAddresses())
        .singleElement()
        .satisfies(a -> assertThat(a.publicIp()).isNotNull());
    assertThat(aws.ec2().describeAddresses(r -> {}).addresses()).hasSize(1);
    assertThat(
            aws.ec2()
                .describeInternetGateways(r -> r.internetGatewayIds(network.internetGatewayId()))
                .internetGateways()
                .get(0)
                .attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.vpcId()).isEqualTo(network.vpcId()));
    RouteTable publicTable = tableOf(network.publicSubnetIds().get("us-east-1a"));
    assertThat(defaultRoute(publicTable).gatewayId()).isEqualTo(network.internetGatewayId());
    assertThat(associated(publicTable))
        .containsExactlyInAnyOrderElementsOf(network.publicSubnetIds().values());
    for (String zone : network.zones()) {
      RouteTable privateTable = tableOf(network.privateSubnetIds().get(zone));
      assertThat(defaultRoute(privateTable).natGatewayId()).isEqualTo(nat.natGatewayId());
      assertThat(associated(privateTable)).containsExactly(network.privateSubnetIds().get(zone));
    }
  }

  @Test
  void create_natPerZone_eachPrivateTableRoutesThroughItsOwnZonesNat() {
    NetworkInfo network = kit.networks().create(spec().natMode(NatMode.PER_ZONE).build()).join();

    assertThat(network.natGatewayIds().keySet()).containsExactlyElementsOf(network.zones());
    assertThat(aws.ec2().describeAddresses(r -> {}).addresses()).hasSize(3);
    for (String zone : network.zones()) {
      String natId = network.natGatewayIds().get(zone);
      assertThat(nat(natId).subnetId()).isEqualTo(network.publicSubnetIds().get(zone));
      assertThat(defaultRoute(tableOf(network.privateSubnetIds().get(zone))).natGatewayId())
          .isEqualTo(natId);
    }
  }

  @Test
  void create_natNone_noAddressNoNatAndPrivateTablesWithoutDefaultRoute() {
    NetworkInfo network = kit.networks().create(spec().natMode(NatMode.NONE).build()).join();

    assertThat(network.natGatewayIds()).isEmpty();
    assertThat(mutatingCalls()).doesNotContain("AllocateAddress", "CreateNatGateway");
    for (String subnet : network.privateSubnetIds().values()) {
      assertThat(tableOf(subnet).routes())
          .extracting(Route::destinationCidrBlock)
          .containsExactly("192.168.0.0/16");
    }
  }

  @Test
  void create_twoZonesOfSmallBlock_privateSubnetsStartAtBlockTwo() {
    NetworkInfo network =
        kit.networks().create(spec().cidrBlock("10.0.0.0/24").zoneCount(2).build()).join();

    assertThat(network.zones()).containsExactly("us-east-1a", "us-east-1b");
    assertThat(cidrs(network.publicSubnetIds())).containsExactly("10.0.0.0/27", "10.0.0.32/27");
    assertThat(cidrs(network.privateSubnetIds())).containsExactly("10.0.0.64/27", "10.0.0.96/27");
  }

  @Test
  void create_explicitZones_keepsTheirOrderForTheBlocks() {
    NetworkInfo network =
        kit.networks().create(spec().zones(List.of("us-east-1d", "us-east-1a")).build()).join();

    assertThat(network.zones()).containsExactly("us-east-1d", "us-east-1a");
    assertThat(network.publicSubnetIds()).containsOnlyKeys("us-east-1d", "us-east-1a");
    assertThat(cidrs(network.publicSubnetIds()))
        .containsExactly("192.168.0.0/19", "192.168.32.0/19");
    assertThat(kit.networks().describe("orders")).contains(network);
  }

  @Test
  void create_instanceTypeOfferedInFewZones_fallsBackToTheTwoThatOfferIt() {
    NetworkInfo network =
        kit.networks().create(spec().addInstanceTypes("g5.xlarge").build()).join();

    // Accelerated types are offered in zones a, b and c only; c is use1-az3.
    assertThat(network.zones()).containsExactly("us-east-1a", "us-east-1b");
  }

  @Test
  void create_threeZonesOfferingTypeNotThere_invalidSpecBeforeAnyChange() {
    assertThatThrownBy(
            () ->
                kit.networks()
                    .create(spec().zoneCount(3).addInstanceTypes("g5.xlarge", "m5.large").build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("zoneCount");
                          assertThat(v.message()).contains("[us-east-1a, us-east-1b]");
                        }));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void create_explicitZonesUnsupportedLackingTypeOrUnknown_everyViolationBeforeAnyChange() {
    assertThatThrownBy(
            () ->
                kit.networks()
                    .create(
                        spec()
                            .zones(List.of("us-east-1c", "us-east-1d", "us-east-1z"))
                            .addInstanceTypes("g5.xlarge")
                            .build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("zones[0]", "eks-supported"),
                        org.assertj.core.groups.Tuple.tuple("zones[1]", "instance-types"),
                        org.assertj.core.groups.Tuple.tuple("zones[2]", "available")));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void create_forCluster_partsTaggedForItAndSubnetsShared() {
    NetworkInfo network = kit.networks().create(spec().clusterName("orders-eks").build()).join();

    assertThat(network.tags())
        .containsEntry("ekskit.dev/cluster", "orders-eks")
        .containsEntry("ekskit.dev/managed-by", "ekskit")
        .containsEntry("ekskit.dev/network", "orders")
        .containsEntry("Name", "orders-vpc");
    subnets(network.publicSubnetIds())
        .forEach(
            subnet ->
                assertThat(tags(subnet.tags()))
                    .containsEntry("kubernetes.io/cluster/orders-eks", "shared")
                    .containsEntry("ekskit.dev/cluster", "orders-eks"));
    assertThat(tags(nat(network.natGatewayIds().get("us-east-1a")).tags()))
        .containsEntry("ekskit.dev/cluster", "orders-eks")
        .containsEntry("ekskit.dev/network-part", "nat-gateway-us-east-1a");
  }

  @Test
  void create_securityGroups_sharedNodeOpenAmongItsMembersAndToTheControlPlane() {
    NetworkInfo network = kit.networks().create(spec().build()).join();
    String controlPlane = network.controlPlaneSecurityGroupId();
    String sharedNode = network.sharedNodeSecurityGroupId();

    assertThat(rules(group(sharedNode)))
        .containsExactlyInAnyOrder(
            "-1 all from " + sharedNode,
            "tcp 443-443 from " + controlPlane,
            "tcp 1025-65535 from " + controlPlane);
    assertThat(rules(group(controlPlane))).containsExactly("tcp 443-443 from " + sharedNode);
    assertThat(group(sharedNode).vpcId()).isEqualTo(network.vpcId());
    assertThat(network.securityGroupIds()).containsExactly(controlPlane, sharedNode);
  }

  @Test
  void create_natGatewayPending_waitsItsMinuteOrTwo() {
    Instant start = aws.time().now();

    kit.networks().create(spec().build()).join();

    assertThat(Duration.between(start, aws.time().now()))
        .isBetween(Duration.ofMinutes(1), Duration.ofMinutes(3));
  }

  @Test
  void create_again_adoptsEveryPartAndCreatesNothing() {
    NetworkInfo first = kit.networks().create(spec().build()).join();
    aws.calls().clear();

    NetworkInfo again = kit.networks().create(spec().build()).join();

    assertThat(again).isEqualTo(first);
    assertThat(mutatingCalls()).isEmpty();
  }

  @Test
  void create_sameNameOtherBlock_conflictNamingTheBlock() {
    kit.networks().create(spec().build()).join();

    assertThatThrownBy(() -> kit.networks().create(spec().cidrBlock("10.0.0.0/16").build()).join())
        .isInstanceOf(PartialCreationException.class)
        .cause()
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .containsExactly(
                        new FieldDifference("cidrBlock", "10.0.0.0/16", "192.168.0.0/16")));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_natGatewayFails_partialCreationNamingWhatExists_thenRunAgainFinishes(Path path) {
    aws.faults().failNextNatGateway();

    assertThatThrownBy(() -> path.finish(kit.networks().create(spec().build())))
        .isInstanceOfSatisfying(
            PartialCreationException.class,
            e -> {
              assertThat(e.existing())
                  .contains(
                      new ResourceRef("vpc", "orders/vpc"),
                      new ResourceRef("internet-gateway", "orders/internet-gateway"),
                      new ResourceRef("subnet", "orders/private-subnet-us-east-1d"),
                      new ResourceRef("security-group", "orders/shared-node-security-group"),
                      new ResourceRef("elastic-ip", "orders/nat-eip-us-east-1a"))
                  .doesNotContain(new ResourceRef("nat-gateway", "orders/nat-gateway-us-east-1a"));
              assertThat(e.cleanup()).contains("kit.networks().delete(\"orders\")");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      ResourceFailedException.class,
                      failed -> {
                        assertThat(failed.status()).isEqualTo("failed");
                        assertThat(failed.issues())
                            .singleElement()
                            .satisfies(
                                issue -> assertThat(issue.code()).isEqualTo("InternalError"));
                        assertThat(failed.hint()).contains("run the create again");
                      });
            });

    NetworkInfo network = kit.networks().create(spec().build()).join();

    assertThat(nat(network.natGatewayIds().get("us-east-1a")).state())
        .isEqualTo(NatGatewayState.AVAILABLE);
    assertThat(NetworkLeftovers.of(aws.ec2()).natGateways()).hasSize(1);
    assertThat(NetworkLeftovers.of(aws.ec2()).addresses()).hasSize(1);
  }

  private List<String> cidrs(Map<String, String> subnetsByZone) {
    return subnets(subnetsByZone).stream().map(Subnet::cidrBlock).toList();
  }

  private List<String> zonesOf(Map<String, String> subnetsByZone) {
    return subnets(subnetsByZone).stream().map(Subnet::availabilityZone).toList();
  }

  private List<Subnet> subnets(Map<String, String> subnetsByZone) {
    return subnetsByZone.values().stream()
        .map(id -> aws.ec2().describeSubnets(r -> r.subnetIds(id)).subnets().get(0))
        .toList();
  }

  private boolean dns(NetworkInfo network, VpcAttributeName attribute) {
    var answer = aws.ec2().describeVpcAttribute(r -> r.vpcId(network.vpcId()).attribute(attribute));
    return attribute == VpcAttributeName.ENABLE_DNS_SUPPORT
        ? answer.enableDnsSupport().value()
        : answer.enableDnsHostnames().value();
  }

  private NatGateway nat(String id) {
    return aws.ec2().describeNatGateways(r -> r.natGatewayIds(id)).natGateways().get(0);
  }

  private RouteTable tableOf(String subnetId) {
    return aws.ec2()
        .describeRouteTables(r -> r.filters(f -> f.name("association.subnet-id").values(subnetId)))
        .routeTables()
        .get(0);
  }

  private static Route defaultRoute(RouteTable table) {
    return table.routes().stream()
        .filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> associated(RouteTable table) {
    return table.associations().stream().map(RouteTableAssociation::subnetId).toList();
  }

  private SecurityGroup group(String id) {
    return aws.ec2().describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
  }

  private static List<String> rules(SecurityGroup group) {
    return group.ipPermissions().stream().map(NetworkCreateSimTest::rule).toList();
  }

  private static String rule(IpPermission p) {
    String ports = "-1".equals(p.ipProtocol()) ? "all" : p.fromPort() + "-" + p.toPort();
    return p.ipProtocol() + " " + ports + " from " + p.userIdGroupPairs().get(0).groupId();
  }
}
