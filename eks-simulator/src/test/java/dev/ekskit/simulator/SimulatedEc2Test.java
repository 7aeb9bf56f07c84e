package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;

class SimulatedEc2Test {
  private final SimulatedAws aws = SimulatedAws.create();
  private final Ec2Client ec2 = aws.ec2();

  @Test
  void createVpcWithSubnets_four_spreadsOverZonesInOneVpcUnrecorded() {
    List<String> ids = aws.createVpcWithSubnets(4);

    List<Subnet> subnets = ec2.describeSubnets(r -> r.subnetIds(ids)).subnets();

    assertThat(subnets)
        .extracting(Subnet::availabilityZone)
        .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d");
    assertThat(subnets).extracting(Subnet::vpcId).containsOnly(subnets.get(0).vpcId());
    assertThat(aws.calls().all()).extracting(Call::operation).containsExactly("DescribeSubnets");
  }

  @Test
  void describeSubnets_unknownId_throwsInvalidSubnetIdNotFound400() {
    var error =
        SimulatedAwsFixture.assertAwsError(
            () -> ec2.describeSubnets(r -> r.subnetIds("subnet-nope")),
            Ec2Exception.class,
            400,
            "InvalidSubnetID.NotFound");

    assertThat(error.awsErrorDetails().serviceName()).isEqualTo("Ec2");
  }

  @Test
  void describeSubnets_vpcFilter_returnsOnlyThatVpc() {
    aws.createVpcWithSubnets(2);
    String vpcId = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
    String subnetId =
        ec2.createSubnet(
                r -> r.vpcId(vpcId).cidrBlock("10.1.0.0/20").availabilityZone("us-east-1b"))
            .subnet()
            .subnetId();

    List<Subnet> found =
        ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpcId))).subnets();

    assertThat(found).extracting(Subnet::subnetId).containsExactly(subnetId);
  }

  @Test
  void createSecurityGroup_thenDescribe_findsItByVpc() {
    String vpcId = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
    String groupId =
        ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("nodes").description("nodes"))
            .groupId();

    assertThat(
            ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId)))
                .securityGroups())
        .singleElement()
        .satisfies(g -> assertThat(g.groupId()).isEqualTo(groupId));
    assertThat(ec2.describeAvailabilityZones(r -> {}).availabilityZones()).hasSize(6);
  }
}
