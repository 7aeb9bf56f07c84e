package dev.ekskit.core.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.Violation;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Networks with the SDK's real clients, over HTTP, against moto_server, checked from outside with
 * plain EC2 calls. Where moto differs from EC2, the simulation follows EC2: moto ignores tag
 * filters on DescribeNatGateways (ekskit checks the tags on every answer anyway), makes NAT
 * gateways available at once, and leaves a deleted NAT gateway's interface {@code available} (EC2
 * removes it itself), which the delete then sweeps.
 */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkEmulatorTest {
  private final Ec2Client ec2;
  private final EksKit kit;

  NetworkEmulatorTest(MotoAccount account) {
    ec2 = account.client(Ec2Client.builder());
    kit = EmulatedKit.kit(account.client(EksClient.builder()), ec2);
  }

  @AfterAll
  void closeKit() {
    kit.close();
  }

  @Test
  void createThenDelete_everyPartThereFromOutside_thenNone() {
    NetworkInfo network =
        kit.networks()
            .create(
                NetworkSpec.builder()
                    .name("emu-net")
                    .zoneCount(2)
                    .clusterName("emu")
                    .addInstanceTypes("m5.large")
                    .build())
            .join();

    assertThat(network.zones()).containsExactly("us-east-1a", "us-east-1b");
    assertThat(ec2.describeVpcs(r -> r.vpcIds(network.vpcId())).vpcs().get(0).cidrBlock())
        .isEqualTo("192.168.0.0/16");
    assertThat(
            ec2.describeVpcAttribute(
                    r -> r.vpcId(network.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames()
                .value())
        .isTrue();
    List<Subnet> subnets = ec2.describeSubnets(r -> r.subnetIds(network.subnetIds())).subnets();
    assertThat(subnets)
        .extracting(Subnet::cidrBlock)
        .containsExactlyInAnyOrder(
            "192.168.0.0/19", "192.168.32.0/19", "192.168.64.0/19", "192.168.96.0/19");
    assertThat(subnets)
        .filteredOn(s -> network.publicSubnetIds().containsValue(s.subnetId()))
        .allMatch(Subnet::mapPublicIpOnLaunch)
        .allMatch(s -> tags(s.tags()).containsKey("kubernetes.io/role/elb"));
    assertThat(
            ec2.describeInternetGateways(r -> r.internetGatewayIds(network.internetGatewayId()))
                .internetGateways()
                .get(0)
                .attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.vpcId()).isEqualTo(network.vpcId()));
    NatGateway nat =
        ec2.describeNatGateways(r -> r.natGatewayIds(network.natGatewayIds().get("us-east-1a")))
            .natGateways()
            .get(0);
    assertThat(nat.state()).isEqualTo(NatGatewayState.AVAILABLE);
    assertThat(nat.subnetId()).isEqualTo(network.publicSubnetIds().get("us-east-1a"));
    assertThat(defaultRoute(network.publicSubnetIds().get("us-east-1b")).gatewayId())
        .isEqualTo(network.internetGatewayId());
    assertThat(defaultRoute(network.privateSubnetIds().get("us-east-1b")).natGatewayId())
        .isEqualTo(nat.natGatewayId());
    assertThat(
            ec2.describeSecurityGroups(r -> r.groupIds(network.sharedNodeSecurityGroupId()))
                .securityGroups()
                .get(0)
                .ipPermissions())
        .hasSize(3);
    assertThat(ec2.describeAddresses(r -> r.filters(ours("emu-net"))).addresses()).hasSize(1);

    List<String> deleted = kit.networks().delete("emu-net").join();

    assertThat(deleted)
        .contains(network.vpcId(), nat.natGatewayId())
        .containsAll(network.subnetIds());
    assertThat(ec2.describeVpcs(r -> r.filters(ours("emu-net"))).vpcs()).isEmpty();
    assertThat(ec2.describeSubnets(r -> r.filters(ours("emu-net"))).subnets()).isEmpty();
    assertThat(ec2.describeInternetGateways(r -> r.filters(ours("emu-net"))).internetGateways())
        .isEmpty();
    assertThat(ec2.describeRouteTables(r -> r.filters(ours("emu-net"))).routeTables()).isEmpty();
    assertThat(ec2.describeSecurityGroups(r -> r.filters(ours("emu-net"))).securityGroups())
        .isEmpty();
    assertThat(ec2.describeAddresses(r -> r.filters(ours("emu-net"))).addresses()).isEmpty();
    assertThat(
            ec2.describeNatGateways(r -> r.natGatewayIds(nat.natGatewayId()))
                .natGateways()
                .get(0)
                .state())
        .isEqualTo(NatGatewayState.DELETED);
    assertThat(kit.networks().describe("emu-net")).isEmpty();
  }

  @Test
  void create_again_adoptsEveryPart() {
    NetworkSpec spec = NetworkSpec.builder().name("emu-again").zoneCount(2).build();
    NetworkInfo first = kit.networks().create(spec).join();

    NetworkInfo again = kit.networks().create(spec).join();

    assertThat(again).isEqualTo(first);
    assertThat(ec2.describeVpcs(r -> r.filters(ours("emu-again"))).vpcs()).hasSize(1);
    kit.networks().delete("emu-again").join();
  }

  @Test
  void create_zoneUse1Az3_refusedBeforeAnyChange() {
    NetworkSpec spec =
        NetworkSpec.builder().name("emu-az3").addZones("us-east-1a", "us-east-1e").build();

    assertThatThrownBy(() -> kit.networks().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(Tuple.tuple("zones[1]", "eks-supported")));
    assertThat(ec2.describeVpcs(r -> r.filters(ours("emu-az3"))).vpcs()).isEmpty();
  }

  private Route defaultRoute(String subnetId) {
    RouteTable table =
        ec2.describeRouteTables(
                r ->
                    r.filters(
                        Filter.builder().name("association.subnet-id").values(subnetId).build()))
            .routeTables()
            .get(0);
    return table.routes().stream()
        .filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
        .findFirst()
        .orElseThrow();
  }

  private static Filter ours(String network) {
    return Filter.builder().name("tag:ekskit.dev/network").values(network).build();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }
}
