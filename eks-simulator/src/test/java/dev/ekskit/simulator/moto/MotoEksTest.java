package dev.ekskit.simulator.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ArchitectureType;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

@MotoTest
class MotoEksTest {
  private final EksClient eks;
  private final Ec2Client ec2;

  MotoEksTest(MotoAccount account) {
    eks = account.client(EksClient.builder());
    ec2 = account.client(Ec2Client.builder());
  }

  @Test
  void createCluster_thenDescribeAndDelete_roundTrips() {
    String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnetA =
        ec2.createSubnet(
                r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
            .subnet()
            .subnetId();
    String subnetB =
        ec2.createSubnet(
                r -> r.vpcId(vpcId).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b"))
            .subnet()
            .subnetId();

    eks.createCluster(EksRequests.cluster("orders", subnetA, subnetB));
    Cluster described = eks.describeCluster(r -> r.name("orders")).cluster();
    eks.deleteCluster(r -> r.name("orders"));

    assertThat(described.status()).isEqualTo(ClusterStatus.ACTIVE);
    assertThat(described.version()).isEqualTo("1.33");
    assertThat(described.roleArn()).isEqualTo(EksRequests.CLUSTER_ROLE);
    assertThat(described.resourcesVpcConfig().subnetIds()).containsExactly(subnetA, subnetB);
    assertThatThrownBy(() -> eks.describeCluster(r -> r.name("orders")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void describeInstanceTypes_graviton_isArm64() {
    var info =
        ec2.describeInstanceTypes(r -> r.instanceTypes(InstanceType.M7_G_LARGE)).instanceTypes();

    assertThat(info)
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.processorInfo().supportedArchitectures())
                    .containsExactly(ArchitectureType.ARM64));
  }
}
