package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resumable means resumable: for every mutating call of a self-managed node group's create and
 * delete, and of a cluster's cascade delete, AWS acts and then the answer is lost, or the process
 * stops right after (the kit closes inside the call); running the same call again, on a new kit as
 * a restarted process would, finishes the job with one of each part and, after a delete, nothing
 * left.
 */
class SelfManagedResumeSimTest {
  private static final String CLUSTER = "orders";
  private static final List<String> CREATE_CALLS =
      List.of(
          "CreateInstanceProfile",
          "AddRoleToInstanceProfile",
          "CreateLaunchTemplate",
          "CreateAccessEntry",
          "CreateAutoScalingGroup");
  private static final List<String> DELETE_CALLS =
      List.of(
          "DeleteAutoScalingGroup",
          "DeleteAccessEntry",
          "RemoveRoleFromInstanceProfile",
          "DeleteInstanceProfile",
          "DeleteLaunchTemplate");

  /** The managed group shares the node role, so its access entry goes only with the cluster. */
  private static final List<String> CASCADE_CALLS =
      List.of(
          "DeleteNodegroup",
          "DeleteAutoScalingGroup",
          "RemoveRoleFromInstanceProfile",
          "DeleteInstanceProfile",
          "DeleteLaunchTemplate",
          "DeleteCluster");

  private SimulatedAws aws;
  private EksKit kit;
  private List<String> subnets;
  private String nodeRole;

  @BeforeEach
  void start() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    nodeRole = aws.createRole("eks-node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy");
    kit = SimulatedKit.create(aws);
    SimulatedKit.activeCluster(kit, CLUSTER, subnets);
    aws.calls().clear();
  }

  @AfterEach
  void stop() {
    kit.close();
    aws.close();
  }

  static List<String> createCalls() {
    return CREATE_CALLS;
  }

  static List<String> deleteCalls() {
    return DELETE_CALLS;
  }

  static List<String> cascadeCalls() {
    return CASCADE_CALLS;
  }

  @Test
  void create_thenDelete_makeAndRemoveExactlyTheseCalls() {
    selfManaged(kit).create(spec()).join();
    assertThat(mutatingCalls()).containsExactlyElementsOf(CREATE_CALLS);
    aws.calls().clear();

    selfManaged(kit).delete(CLUSTER, "batch").join();

    assertThat(mutatingCalls()).containsExactlyElementsOf(DELETE_CALLS);
  }

  @Test
  void clusterDelete_withBothKindsOfGroup_makesExactlyTheseCalls() {
    withManagedAndSelfManagedGroups();

    kit.clusters().delete(CLUSTER).join();

    assertThat(mutatingCalls()).containsExactlyInAnyOrderElementsOf(CASCADE_CALLS);
    assertThat(mutatingCalls()).last().isEqualTo("DeleteCluster");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void create_answerLostAfterEachCall_finishesWithOneOfEachPart(String operation) {
    aws.faults().commitThenFail(operation, 500);

    selfManaged(kit).create(spec()).join();

    assertOneOfEachPart();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void create_stoppedRightAfterEachCall_runAgainFinishesWithOneOfEachPart(String operation) {
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> selfManaged(kit).create(spec()).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      selfManaged(restarted).create(spec()).join();
    }

    assertOneOfEachPart();
    assertThat(Leftovers.of(aws, CLUSTER).instanceProfiles())
        .containsExactly("orders-batch[+eks-node]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_answerLostAfterEachCall_leavesNothing(String operation) {
    selfManaged(kit).create(spec()).join();
    aws.faults().commitThenFail(operation, 500);

    selfManaged(kit).delete(CLUSTER, "batch").join();

    assertNothingOfTheGroupLeft();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCalls")
  void delete_stoppedRightAfterEachCall_runAgainLeavesNothing(String operation) {
    selfManaged(kit).create(spec()).join();
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> selfManaged(kit).delete(CLUSTER, "batch").join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      selfManaged(restarted).delete(CLUSTER, "batch").join();
    }

    assertNothingOfTheGroupLeft();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cascadeCalls")
  void clusterDelete_stoppedRightAfterEachCall_runAgainLeavesNothing(String operation) {
    withManagedAndSelfManagedGroups();
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.clusters().delete(CLUSTER).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      restarted.clusters().delete(CLUSTER).join();
    }

    assertThat(Leftovers.of(aws, CLUSTER).none()).as("%s", Leftovers.of(aws, CLUSTER)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cascadeCalls")
  void clusterDelete_answerLostAfterEachCall_leavesNothing(String operation) {
    withManagedAndSelfManagedGroups();
    aws.faults().commitThenFail(operation, 500);

    kit.clusters().delete(CLUSTER).join();

    assertThat(Leftovers.of(aws, CLUSTER).none()).as("%s", Leftovers.of(aws, CLUSTER)).isTrue();
  }

  @Test
  void delete_afterTheClusterIsGone_stillRemovesProfileAndTemplate() {
    selfManaged(kit).create(spec()).join();
    aws.autoScaling()
        .deleteAutoScalingGroup(r -> r.autoScalingGroupName("orders-batch").forceDelete(true));
    kit.eksClient().deleteCluster(r -> r.name(CLUSTER));
    aws.time().advance(java.time.Duration.ofHours(1));

    assertThat(selfManaged(kit).delete(CLUSTER, "batch").join().deleted()).isTrue();

    assertNothingOfTheGroupLeft();
  }

  private void withManagedAndSelfManagedGroups() {
    Nodegroups.of(kit)
        .managed()
        .create(
            NodegroupSpec.builder()
                .clusterName(CLUSTER)
                .name("general")
                .nodeRoleArn(nodeRole)
                .subnetIds(subnets)
                .build())
        .join();
    selfManaged(kit).create(spec()).join();
    aws.calls().clear();
  }

  private void assertOneOfEachPart() {
    Leftovers now = Leftovers.of(aws, CLUSTER);
    assertThat(now.instanceProfiles()).containsExactly("orders-batch[+eks-node]");
    assertThat(now.launchTemplates()).containsExactly("orders-batch");
    assertThat(now.autoScalingGroups()).containsExactly("orders-batch");
    assertThat(now.accessEntries()).filteredOn(nodeRole::equals).hasSize(1);
  }

  private void assertNothingOfTheGroupLeft() {
    Leftovers now = Leftovers.of(aws, CLUSTER);
    assertThat(now.instanceProfiles()).isEmpty();
    assertThat(now.launchTemplates()).isEmpty();
    assertThat(now.autoScalingGroups()).isEmpty();
    assertThat(now.accessEntries()).doesNotContain(nodeRole);
  }

  private dev.ekskit.nodes.SelfManagedNodegroups selfManaged(EksKit on) {
    return Nodegroups.of(on).selfManaged();
  }

  private SelfManagedNodegroupSpec spec() {
    return SelfManagedNodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name("batch")
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m5.large")
        .minSize(1)
        .desiredSize(3)
        .maxSize(5)
        .build();
  }

  /** Mutating calls that took effect: succeeded, or committed and then answered with an error. */
  private List<String> mutatingCalls() {
    Function<Call, Boolean> tookEffect = call -> call.succeeded() || call.statusCode() == 500;
    return aws.calls().all().stream()
        .filter(Call::mutating)
        .filter(tookEffect::apply)
        .map(Call::operation)
        .toList();
  }
}
