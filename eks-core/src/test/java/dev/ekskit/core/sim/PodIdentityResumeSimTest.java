package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating call of an association's create and delete, with AWS acting and then the answer
 * lost, or the process stopping right after; the same call again, on a new kit, finishes with one
 * agent, one role and one association, or with nothing ekskit made left.
 */
class PodIdentityResumeSimTest extends SimulationTest {
  private static final PodIdentityAssociationSpec SPEC = PodIdentitySimTest.withNewRole().build();
  private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/orders-checkout";
  private RoleLeftovers iam;

  @BeforeEach
  void activeCluster() {
    SimulatedKit.activeCluster(kit, "orders", subnets);
    iam = new RoleLeftovers(aws);
  }

  static List<String> createCalls() {
    return List.of(
        "CreateAddon",
        "CreateRole",
        "AttachRolePolicy",
        "PutRolePolicy",
        "CreatePodIdentityAssociation");
  }

  static List<String> deleteCalls() {
    return List.of(
        "DeletePodIdentityAssociation", "DetachRolePolicy", "DeleteRolePolicy", "DeleteRole");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void associate_answerLostAfterEachCall_oneOfEach(String operation) {
    aws.faults().commitThenFail(operation, 500);

    kit.podIdentity().associate(SPEC).join();

    assertOneOfEach();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void associate_stoppedRightAfterEachCall_runAgainFinishesWithOneOfEach(String operation) {
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.podIdentity().associate(SPEC).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = kitOn(aws)) {
      restarted.podIdentity().associate(SPEC).join();
    }

    assertOneOfEach();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_answerLostAfterEachCall_nothingLeft(String operation) {
    kit.podIdentity().associate(SPEC).join();
    aws.faults().commitThenFail(operation, 500);

    kit.podIdentity().delete("orders", "shop", "checkout").join();

    assertNothingLeft();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_stoppedRightAfterEachCall_runAgainLeavesNothing(String operation) {
    kit.podIdentity().associate(SPEC).join();
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.podIdentity().delete("orders", "shop", "checkout").join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = kitOn(aws)) {
      restarted.podIdentity().delete("orders", "shop", "checkout").join();
    }

    assertNothingLeft();
  }

  private void assertOneOfEach() {
    assertThat(iam.addons("orders")).containsExactly("eks-pod-identity-agent");
    assertThat(iam.roleNames()).containsExactly("orders-checkout");
    assertThat(iam.policies("orders-checkout")).containsExactly(PodIdentitySimTest.POLICY);
    assertThat(iam.inlinePolicies("orders-checkout")).containsExactly("ekskit-inline");
    assertThat(iam.associations("orders")).containsExactly(Map.entry("shop/checkout", ROLE_ARN));
  }

  private void assertNothingLeft() {
    assertThat(iam.associations("orders")).isEmpty();
    assertThat(iam.roleNames()).isEmpty();
  }
}
