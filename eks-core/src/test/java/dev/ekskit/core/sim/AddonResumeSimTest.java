package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.OperationCancelledException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every mutating call of the add-on lifecycle (CreateAddon, UpdateAddon, DeleteAddon): AWS acts and
 * the answer is lost, or the process stops right after; the same call again, on a new kit for the
 * stop, ends with one add-on as the spec says, or none after a delete.
 */
class AddonResumeSimTest extends SimulationTest {
  private static final AddonSpec EBS =
      AddonSpec.builder().clusterName("orders").name("aws-ebs-csi-driver").build();
  private static final AddonSpec EBS_CONFIGURED =
      EBS.toBuilder().configurationValues("{\"controller\":{\"replicaCount\":3}}").build();

  @BeforeEach
  void activeCluster() {
    kit.clusters().create(spec("orders").build()).join();
  }

  private EksKit restarted() {
    return kitOn(aws);
  }

  private void assertOneAddon(String configuration) {
    assertThat(aws.eks().listAddons(r -> r.clusterName("orders")).addons())
        .containsExactly("aws-ebs-csi-driver");
    assertThat(
            kit.addons()
                .describe("orders", "aws-ebs-csi-driver")
                .orElseThrow()
                .configurationValues())
        .isEqualTo(java.util.Optional.ofNullable(configuration));
  }

  @Test
  void create_answerLost_adoptsWhatAwsMade() {
    aws.faults().commitThenFail("CreateAddon", 500);

    kit.addons().create(EBS).join();

    assertOneAddon(null);
  }

  @Test
  void create_stoppedRightAfter_runAgainAdopts() {
    aws.faults().afterCommit("CreateAddon", kit::close);
    assertThatThrownBy(() -> kit.addons().create(EBS).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit again = restarted()) {
      assertThat(again.addons().create(EBS).join().statusAsString()).isEqualTo("DEGRADED");
    }

    kit = restarted();
    assertOneAddon(null);
  }

  @Test
  void update_answerLost_followsTheUpdateAwsStarted() {
    kit.addons().create(EBS).join();
    aws.faults().commitThenFail("UpdateAddon", 500);

    kit.addons().update(EBS_CONFIGURED).join();

    assertOneAddon("{\"controller\":{\"replicaCount\":3}}");
  }

  @Test
  void update_stoppedRightAfter_runAgainFindsItDoneOrRunning() {
    kit.addons().create(EBS).join();
    aws.faults().afterCommit("UpdateAddon", kit::close);
    assertThatThrownBy(() -> kit.addons().update(EBS_CONFIGURED).join())
        .isInstanceOf(OperationCancelledException.class);
    aws.calls().clear();

    try (EksKit again = restarted()) {
      again.addons().update(EBS_CONFIGURED).join();
    }

    kit = restarted();
    assertThat(aws.calls().count("UpdateAddon")).isZero();
    assertOneAddon("{\"controller\":{\"replicaCount\":3}}");
  }

  @Test
  void delete_answerLost_waitsUntilGone() {
    kit.addons().create(EBS).join();
    aws.faults().commitThenFail("DeleteAddon", 500);

    kit.addons().delete("orders", "aws-ebs-csi-driver").join();

    assertThat(aws.eks().listAddons(r -> r.clusterName("orders")).addons()).isEmpty();
  }

  @Test
  void delete_stoppedRightAfter_runAgainLeavesNothing() {
    kit.addons().create(EBS).join();
    aws.faults().afterCommit("DeleteAddon", kit::close);
    assertThatThrownBy(() -> kit.addons().delete("orders", "aws-ebs-csi-driver").join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit again = restarted()) {
      again.addons().delete("orders", "aws-ebs-csi-driver").join();
    }

    assertThat(aws.eks().listAddons(r -> r.clusterName("orders")).addons()).isEmpty();
    kit = restarted();
  }
}
