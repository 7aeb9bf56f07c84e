package dev.ekskit.core.sim;

import static dev.ekskit.core.sim.RoleLeftovers.awsPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.OperationCancelledException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A role's create and delete, with AWS acting and then the answer lost, or the process stopping
 * right after (the kit closes inside the call); the same call again, on a new kit, finishes with
 * one role carrying every policy, or with nothing left.
 */
class RoleResumeSimTest extends SimulationTest {
  private static final NodeRoleSpec SPEC =
      NodeRoleSpec.builder().name("nodes").clusterName("orders").build();
  private RoleLeftovers iam;

  @BeforeEach
  void leftovers() {
    iam = new RoleLeftovers(aws);
  }

  static List<String> createCalls() {
    return List.of("CreateRole", "AttachRolePolicy");
  }

  static List<String> deleteCalls() {
    return List.of("DetachRolePolicy", "DeleteRole");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void create_answerLostAfterEachCall_oneRoleWithEveryPolicy(String operation) {
    aws.faults().commitThenFail(operation, 500);

    kit.roles().createNodeRole(SPEC).join();

    assertOneCompleteRole();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void create_stoppedRightAfterEachCall_runAgainFinishesTheRole(String operation) {
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.roles().createNodeRole(SPEC).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = kitOn(aws)) {
      restarted.roles().createNodeRole(SPEC).join();
    }

    assertOneCompleteRole();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_answerLostAfterEachCall_nothingLeft(String operation) {
    kit.roles().createNodeRole(SPEC).join();
    aws.faults().commitThenFail(operation, 500);

    kit.roles().delete("nodes").join();

    assertThat(iam.roleNames()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_stoppedRightAfterEachCall_runAgainLeavesNothing(String operation) {
    kit.roles().createNodeRole(SPEC).join();
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.roles().delete("nodes").join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = kitOn(aws)) {
      restarted.roles().delete("nodes").join();
    }

    assertThat(iam.roleNames()).isEmpty();
  }

  private void assertOneCompleteRole() {
    assertThat(iam.roleNames()).containsExactly("nodes");
    assertThat(iam.policies("nodes"))
        .containsExactly(
            awsPolicy("AmazonEKSWorkerNodePolicy"),
            awsPolicy("AmazonEC2ContainerRegistryPullOnly"),
            awsPolicy("AmazonEKS_CNI_Policy"));
  }
}
