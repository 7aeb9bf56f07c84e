package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resumable means resumable: for every mutating call of a network's create and delete, AWS acts and
 * then the answer is lost, or the process stops right after (the kit closes inside the call);
 * running the same call again, on a new kit as a restarted process would, finishes with one of each
 * part, and after a delete with nothing left.
 */
class NetworkResumeSimTest extends NetworkSimulation {
  private static final List<String> CREATE_CALLS =
      List.of(
          "CreateVpc",
          "ModifyVpcAttribute",
          "CreateInternetGateway",
          "AttachInternetGateway",
          "CreateSubnet",
          "ModifySubnetAttribute",
          "CreateRouteTable",
          "CreateRoute",
          "AssociateRouteTable",
          "CreateSecurityGroup",
          "AuthorizeSecurityGroupIngress",
          "AllocateAddress",
          "CreateNatGateway");

  /** With a cluster's interfaces left in the subnets, so that the sweep has something to do. */
  private static final List<String> DELETE_CALLS =
      List.of(
          "DeleteNatGateway",
          "ReleaseAddress",
          "DetachInternetGateway",
          "DeleteInternetGateway",
          "DisassociateRouteTable",
          "DeleteRouteTable",
          "DeleteNetworkInterface",
          "DeleteSubnet",
          "RevokeSecurityGroupIngress",
          "DeleteSecurityGroup",
          "DeleteVpc");

  static List<String> createCalls() {
    return CREATE_CALLS;
  }

  static List<String> deleteCalls() {
    return DELETE_CALLS;
  }

  @Test
  void createThenDelete_makeExactlyTheseKindsOfCall() {
    networkWithClusterGone();
    assertThat(mutatingCalls()).containsAll(CREATE_CALLS);
    aws.calls().clear();

    kit.networks().delete("orders").join();

    assertThat(mutatingCalls().stream().distinct())
        .containsExactlyInAnyOrderElementsOf(DELETE_CALLS);
  }

  @Test
  void createThenDelete_halfTheCallsThrottled_oneOfEachPartThenNothing() {
    aws.faults().throttle(0.5);
    kit.networks().create(spec().build()).join();
    aws.faults().clear();
    assertOneOfEachPart();
    aws.faults().throttle(0.5);

    kit.networks().delete("orders").join();

    aws.faults().clear();
    assertThat(aws.calls().all()).anyMatch(call -> "RequestLimitExceeded".equals(call.errorCode()));
    assertThat(NetworkLeftovers.of(aws.ec2()).none()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void create_answerLostAfterEachCall_finishesWithOneOfEachPart(String operation) {
    aws.faults().commitThenFail(operation, 500);

    NetworkInfo network = kit.networks().create(spec().build()).join();

    assertOneOfEachPart();
    assertThat(kit.networks().describe("orders")).contains(network);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void create_stoppedRightAfterEachCall_runAgainFinishesWithOneOfEachPart(String operation) {
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.networks().create(spec().build()).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      restarted.networks().create(spec().build()).join();
    }

    assertOneOfEachPart();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_answerLostAfterEachCall_leavesNothing(String operation) {
    networkWithClusterGone();
    aws.faults().commitThenFail(operation, 500);

    kit.networks().delete("orders").join();

    assertThat(NetworkLeftovers.of(aws.ec2()).none())
        .as("%s", NetworkLeftovers.of(aws.ec2()))
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_stoppedRightAfterEachCall_runAgainLeavesNothing(String operation) {
    networkWithClusterGone();
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.networks().delete("orders").join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      restarted.networks().delete("orders").join();
    }

    assertThat(NetworkLeftovers.of(aws.ec2()).none())
        .as("%s", NetworkLeftovers.of(aws.ec2()))
        .isTrue();
  }

  /** Two zones keep the parameterized runs short. */
  protected static NetworkSpec.Builder spec() {
    return NetworkSpec.builder().name("orders").zoneCount(2);
  }

  /** A network whose cluster was created on it and deleted, leaving its interfaces behind. */
  private void networkWithClusterGone() {
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
  }

  private void assertOneOfEachPart() {
    NetworkLeftovers now = NetworkLeftovers.of(aws.ec2());
    assertThat(now.vpcs()).hasSize(1);
    assertThat(now.subnets()).hasSize(4);
    assertThat(now.internetGateways()).hasSize(1);
    assertThat(now.routeTables()).hasSize(3);
    assertThat(now.addresses()).hasSize(1);
    assertThat(now.natGateways()).hasSize(1);
    assertThat(now.securityGroups()).hasSize(2);
    assertThat(now.interfaces()).hasSize(1);
  }
}
