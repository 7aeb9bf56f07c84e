package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.NatMode;
import dev.ekskit.core.NetworkInUseException;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.simulator.Call;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceStatus;

/** Deleting networks: order, lingering interfaces, what is in use, what ekskit did not make. */
class NetworkDeleteSimTest extends NetworkSimulation {
  @ParameterizedTest
  @EnumSource(Path.class)
  void delete_network_removesEveryPartInTheOrderEc2Allows(Path path) {
    NetworkInfo network = kit.networks().create(spec().natMode(NatMode.PER_ZONE).build()).join();
    aws.calls().clear();

    List<String> deleted = path.finish(kit.networks().delete("orders"));

    assertThat(NetworkLeftovers.of(aws.ec2()).none())
        .as("%s", NetworkLeftovers.of(aws.ec2()))
        .isTrue();
    assertThat(deleted)
        .containsAll(network.natGatewayIds().values())
        .containsAll(network.subnetIds())
        .containsAll(network.securityGroupIds())
        .contains(network.internetGatewayId())
        .endsWith(network.vpcId());
    assertThat(firstCalls())
        .containsSubsequence(
            "DeleteNatGateway",
            "ReleaseAddress",
            "DetachInternetGateway",
            "DeleteInternetGateway",
            "DisassociateRouteTable",
            "DeleteRouteTable",
            "DeleteSubnet",
            "RevokeSecurityGroupIngress",
            "DeleteSecurityGroup",
            "DeleteVpc");
    assertThat(aws.calls().count("RevokeSecurityGroupIngress")).isEqualTo(4);
  }

  @Test
  void delete_natInterfaceLingers_dependencyViolationRetriedUntilItIsGone() {
    kit.networks().create(spec().build()).join();
    aws.durations().natInterfaceLinger(Duration.ofMinutes(2));
    aws.calls().clear();

    kit.networks().delete("orders").join();

    List<Call> subnetDeletes =
        aws.calls().all().stream().filter(c -> c.operation().equals("DeleteSubnet")).toList();
    assertThat(subnetDeletes).anyMatch(c -> "DependencyViolation".equals(c.errorCode()));
    assertThat(subnetDeletes.stream().filter(Call::succeeded)).hasSize(6);
    assertThat(events).filteredOn(ProgressEvent.Retrying.class::isInstance).isNotEmpty();
    assertThat(NetworkLeftovers.of(aws.ec2()).none()).isTrue();
  }

  @Test
  void delete_afterItsCluster_sweepsTheInterfacesTheClusterLeftAndLeavesNothing() {
    NetworkInfo network = kit.networks().create(spec().clusterName("orders").build()).join();
    kit.clusters()
        .create(
            ClusterSpec.builder()
                .name("orders")
                .roleArn(SimulatedKit.CLUSTER_ROLE)
                .subnetIds(network.subnetIds())
                .addSecurityGroupIds(network.controlPlaneSecurityGroupId())
                .build())
        .join();
    kit.clusters().delete("orders").join();
    List<NetworkInterface> left = interfaces("Amazon EKS orders");
    assertThat(left)
        .hasSize(2)
        .allMatch(eni -> eni.status() == NetworkInterfaceStatus.AVAILABLE)
        .allMatch(eni -> network.privateSubnetIds().containsValue(eni.subnetId()));

    List<String> deleted = kit.networks().delete("orders").join();

    assertThat(deleted)
        .containsAll(left.stream().map(NetworkInterface::networkInterfaceId).toList());
    assertThat(NetworkLeftovers.of(aws.ec2()).none()).isTrue();
  }

  @Test
  void delete_whileItsClusterRuns_refusedNamingWhatUsesIt_nothingDeleted() {
    NetworkInfo network = kit.networks().create(spec().build()).join();
    SimulatedKit.activeCluster(kit, "orders", network.subnetIds());
    aws.calls().clear();

    assertThatThrownBy(() -> kit.networks().delete("orders").join())
        .isInstanceOfSatisfying(
            NetworkInUseException.class,
            e ->
                assertThat(e.users())
                    .hasSize(2)
                    .allMatch(user -> user.endsWith("(Amazon EKS orders)")));
    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(kit.networks().describe("orders")).contains(network);
  }

  @Test
  void delete_withPartsEkskitDidNotMake_leavesThemAndFailsOnTheVpcWhenRetriesRunOut() {
    NetworkInfo network = kit.networks().create(spec().natMode(NatMode.NONE).build()).join();
    String theirs =
        aws.ec2()
            .createSecurityGroup(r -> r.vpcId(network.vpcId()).groupName("theirs").description("x"))
            .groupId();

    assertThatThrownBy(() -> kit.networks().delete("orders").join())
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("DependencyViolation");

    NetworkLeftovers left = NetworkLeftovers.of(aws.ec2());
    assertThat(left.securityGroups()).containsExactly(theirs);
    assertThat(left.vpcs()).containsExactly(network.vpcId());
    assertThat(left.subnets()).isEmpty();
    assertThat(aws.calls().count("DeleteVpc")).isEqualTo(40);
  }

  @Test
  void delete_missingNetwork_deletesNothing() {
    assertThat(kit.networks().delete("orders").join()).isEmpty();
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  /** The first call of each operation, in the order they came. */
  private List<String> firstCalls() {
    return aws.calls().all().stream()
        .map(Call::operation)
        .filter(op -> !op.startsWith("Describe"))
        .distinct()
        .toList();
  }

  private List<NetworkInterface> interfaces(String description) {
    return aws.ec2().describeNetworkInterfaces(r -> {}).networkInterfaces().stream()
        .filter(eni -> description.equals(eni.description()))
        .toList();
  }
}
