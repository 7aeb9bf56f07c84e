package dev.ekskit.simulator;

import static dev.ekskit.simulator.SimulatedAwsFixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceStatus;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/** The simulated EC2's networking: states over virtual time and EC2's refusals. */
class VpcNetworkingTest {
  private final SimulatedAws aws = SimulatedAws.create();
  private final Ec2Client ec2 = aws.ec2();
  private final String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
  private final String subnet =
      ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
          .subnet()
          .subnetId();

  @AfterEach
  void close() {
    aws.close();
  }

  @Test
  void createNatGateway_pendingOneToTwoMinutesThenAvailable_holdingItsAddress() {
    String igw = attachedGateway();
    String allocation = ec2.allocateAddress(r -> {}).allocationId();

    NatGateway nat =
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation)).natGateway();

    assertThat(nat.state()).isEqualTo(NatGatewayState.PENDING);
    aws.time().advance(Duration.ofSeconds(59));
    assertThat(state(nat.natGatewayId())).isEqualTo(NatGatewayState.PENDING);
    aws.time().advance(Duration.ofSeconds(61));
    assertThat(state(nat.natGatewayId())).isEqualTo(NatGatewayState.AVAILABLE);
    assertAwsError(
        () -> ec2.releaseAddress(r -> r.allocationId(allocation)),
        Ec2Exception.class,
        400,
        "InvalidIPAddress.InUse");
    assertAwsError(
        () -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
  }

  @Test
  void createNatGateway_sameClientToken_sameGateway() {
    attachedGateway();
    String allocation = ec2.allocateAddress(r -> {}).allocationId();

    String first =
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation).clientToken("t"))
            .natGateway()
            .natGatewayId();
    String again =
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation).clientToken("t"))
            .natGateway()
            .natGatewayId();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void createNatGateway_noInternetGatewayOrFault_failedWithEc2sReason() {
    String allocation = ec2.allocateAddress(r -> {}).allocationId();
    String withoutGateway =
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation))
            .natGateway()
            .natGatewayId();
    attachedGateway();
    aws.faults().failNextNatGateway();
    String faulted =
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation))
            .natGateway()
            .natGatewayId();

    aws.time().advance(Duration.ofMinutes(3));

    assertThat(nat(withoutGateway).failureCode()).isEqualTo("Gateway.NotAttached");
    assertThat(nat(faulted).state()).isEqualTo(NatGatewayState.FAILED);
    assertThat(nat(faulted).failureCode()).isEqualTo("InternalError");
    ec2.releaseAddress(r -> r.allocationId(allocation));
  }

  @Test
  void deleteNatGateway_deletingThenDeleted_interfaceLingersAndBlocksTheSubnet() {
    attachedGateway();
    String allocation = ec2.allocateAddress(r -> {}).allocationId();
    String nat =
        ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation))
            .natGateway()
            .natGatewayId();
    aws.durations()
        .natGatewayDelete(Duration.ofMinutes(1))
        .natInterfaceLinger(Duration.ofMinutes(1));
    aws.time().advance(Duration.ofMinutes(3));

    ec2.deleteNatGateway(r -> r.natGatewayId(nat));

    assertThat(state(nat)).isEqualTo(NatGatewayState.DELETING);
    aws.time().advance(Duration.ofSeconds(61));
    assertThat(state(nat)).isEqualTo(NatGatewayState.DELETED);
    ec2.releaseAddress(r -> r.allocationId(allocation));
    assertAwsError(
        () -> ec2.deleteSubnet(r -> r.subnetId(subnet)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    aws.time().advance(Duration.ofMinutes(1));
    ec2.deleteSubnet(r -> r.subnetId(subnet));
  }

  @Test
  void deleteCluster_controlPlaneInterfacesLeftAvailableUntilDeleted() {
    String other =
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1b"))
            .subnet()
            .subnetId();
    aws.durations().all(Duration.ZERO);
    aws.eks()
        .createCluster(
            r ->
                r.name("orders")
                    .roleArn("arn:aws:iam::123456789012:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds(subnet, other)));
    assertThat(interfaces()).allMatch(eni -> eni.status() == NetworkInterfaceStatus.IN_USE);

    aws.eks().deleteCluster(r -> r.name("orders"));

    assertThat(interfaces())
        .hasSize(2)
        .allMatch(eni -> eni.status() == NetworkInterfaceStatus.AVAILABLE)
        .allMatch(eni -> eni.description().equals("Amazon EKS orders"));
    assertAwsError(
        () -> ec2.deleteSubnet(r -> r.subnetId(subnet)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    interfaces()
        .forEach(
            eni -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())));
    ec2.deleteSubnet(r -> r.subnetId(subnet));
  }

  @Test
  void deleteSecurityGroup_referencedByAnother_dependencyViolationUntilRevoked() {
    String a = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("a").description("a")).groupId();
    String b = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("b").description("b")).groupId();
    ec2.authorizeSecurityGroupIngress(
        r ->
            r.groupId(b)
                .ipPermissions(p -> p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(a))));

    assertAwsError(
        () ->
            ec2.authorizeSecurityGroupIngress(
                r ->
                    r.groupId(b)
                        .ipPermissions(
                            p -> p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(a)))),
        Ec2Exception.class,
        400,
        "InvalidPermission.Duplicate");
    assertAwsError(
        () -> ec2.deleteSecurityGroup(r -> r.groupId(a)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    ec2.revokeSecurityGroupIngress(
        r ->
            r.groupId(b)
                .ipPermissions(p -> p.ipProtocol("-1").userIdGroupPairs(g -> g.groupId(a))));
    ec2.deleteSecurityGroup(r -> r.groupId(a));
  }

  @Test
  void deleteVpc_withGatewaySubnetOrTable_dependencyViolationUntilEachIsGone() {
    String igw = attachedGateway();
    String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    String association =
        ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)).associationId();

    assertAwsError(
        () -> ec2.deleteVpc(r -> r.vpcId(vpc)), Ec2Exception.class, 400, "DependencyViolation");
    assertAwsError(
        () -> ec2.deleteRouteTable(r -> r.routeTableId(table)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    assertAwsError(
        () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(igw)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    ec2.disassociateRouteTable(r -> r.associationId(association));
    ec2.deleteRouteTable(r -> r.routeTableId(table));
    ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
    ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
    ec2.deleteSubnet(r -> r.subnetId(subnet));
    ec2.deleteVpc(r -> r.vpcId(vpc));
    assertThat(ec2.describeVpcs(r -> {}).vpcs()).isEmpty();
  }

  @Test
  void describes_tagFilters_matchTagsGivenAtCreate() {
    ec2.createInternetGateway(
        r ->
            r.tagSpecifications(
                t ->
                    t.resourceType(ResourceType.INTERNET_GATEWAY)
                        .tags(g -> g.key("team").value("a"))));
    ec2.createInternetGateway(r -> {});

    assertThat(
            ec2.describeInternetGateways(r -> r.filters(filter("tag:team", "a")))
                .internetGateways())
        .hasSize(1);
    assertThat(
            ec2.describeInternetGateways(r -> r.filters(filter("tag-key", "team")))
                .internetGateways())
        .hasSize(1);
    assertThat(ec2.describeVpcs(r -> r.filters(filter("tag:team", "a"))).vpcs()).isEmpty();
  }

  @Test
  void describeZonesAndOfferings_use1Az3ListedAndAcceleratedTypesInThreeZonesOnly() {
    assertThat(
            ec2.describeAvailabilityZones(r -> r.filters(filter("zone-id", "use1-az3")))
                .availabilityZones())
        .singleElement()
        .satisfies(zone -> assertThat(zone.zoneName()).isEqualTo("us-east-1c"));

    List<InstanceTypeOffering> offerings =
        ec2.describeInstanceTypeOfferings(
                r ->
                    r.locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(filter("instance-type", "g5.xlarge", "m5.large")))
            .instanceTypeOfferings();

    assertThat(offerings.stream().filter(o -> o.instanceTypeAsString().equals("g5.xlarge")))
        .extracting(InstanceTypeOffering::location)
        .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
    assertThat(offerings.stream().filter(o -> o.instanceTypeAsString().equals("m5.large")))
        .hasSize(6);
  }

  private String attachedGateway() {
    String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
    ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
    return igw;
  }

  private NatGateway nat(String id) {
    return ec2.describeNatGateways(r -> r.natGatewayIds(id)).natGateways().get(0);
  }

  private NatGatewayState state(String id) {
    return nat(id).state();
  }

  private List<NetworkInterface> interfaces() {
    return ec2.describeNetworkInterfaces(r -> {}).networkInterfaces();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }
}
