package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.Violation;
import java.util.Set;
import dev.ekskit.core.OperationCancelledException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.eks.model.LogType;

class ClusterLifecycleSimTest extends SimulationTest {
  @BeforeEach
  void activeCluster() {
    kit.clusters().create(spec("orders").build()).join();
    events.clear();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void updateVersion_nextMinor_waitsForUpdateAndReportsNewVersion(Path path) {
    ClusterInfo updated = path.finish(kit.clusters().updateVersion("orders", "1.34"));

    assertThat(updated.kubernetesVersion()).isEqualTo("1.34");
    assertThat(updated.statusAsString()).isEqualTo("ACTIVE");
    assertThat(aws.calls().count("DescribeUpdate")).isPositive();
  }

  @Test
  void updateVersion_skippingAMinor_refusedBeforeAnyUpdateCall() {
    assertThatThrownBy(() -> kit.clusters().updateVersion("orders", "1.35").join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("next-minor"));
    assertThat(aws.calls().count("UpdateClusterVersion")).isZero();
  }

  @Test
  void updateVersion_alreadyThere_doesNothing() {
    assertThat(kit.clusters().updateVersion("orders", "1.33").join().kubernetesVersion())
        .isEqualTo("1.33");
    assertThat(aws.calls().count("UpdateClusterVersion")).isZero();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void updateConfig_loggingAndEndpoint_twoUpdatesEachWaited(Path path) {
    ClusterInfo updated =
        path.finish(
            kit.clusters()
                .updateConfig(
                    "orders",
                    ClusterConfigUpdate.builder()
                        .enabledLogTypes(Set.of(LogType.AUDIT))
                        .endpointPrivateAccess(true)
                        .build()));

    assertThat(aws.calls().count("UpdateClusterConfig")).isEqualTo(2);
    assertThat(updated.sdkCluster().resourcesVpcConfig().endpointPrivateAccess()).isTrue();
    assertThat(updated.sdkCluster().logging().clusterLogging())
        .anyMatch(s -> s.enabled() && s.types().equals(java.util.List.of(LogType.AUDIT)));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void delete_withChildren_removesFargateOneAtATimeThenNodegroupsAddonsAndCluster(Path path) {
    ChildResources.addFargateProfiles(aws, "orders", "batch", "jobs");
    ChildResources.addNodegroups(aws, "orders", "general", "spot");
    ChildResources.addAddon(aws, "orders", "vpc-cni");

    ClusterDeletion deletion = path.finish(kit.clusters().delete("orders"));

    assertThat(deletion.fargateProfiles()).containsExactly("batch", "jobs");
    assertThat(deletion.nodegroups()).containsExactlyInAnyOrder("general", "spot");
    assertThat(deletion.addons()).containsExactly("vpc-cni");
    assertThat(deletion.clusterDeleted()).isTrue();
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
    ChildResources.assertDeleteOrder(aws.calls().all());
  }

  @Test
  void delete_runTwice_secondRunFindsNothingAndSucceeds() {
    kit.clusters().delete("orders").join();

    ClusterDeletion again = kit.clusters().delete("orders").join();

    assertThat(again.clusterDeleted()).isFalse();
    assertThat(aws.calls().count("DeleteCluster")).isEqualTo(1);
  }

  @Test
  void delete_interruptedAfterChildren_resumesWithTheCluster() {
    ChildResources.addNodegroups(aws, "orders", "general");
    CompletableFuture<Operation<ClusterDeletion>> first = new CompletableFuture<>();
    first.complete(
        kit.clusters()
            .delete(
                "orders",
                event -> {
                  if (event.resource().kind().equals("nodegroup")
                      && event.step().equals("wait deleted")) {
                    first.thenAccept(Operation::cancel);
                  }
                }));
    assertThatThrownBy(() -> first.join().join()).isInstanceOf(OperationCancelledException.class);
    assertThat(aws.calls().count("DeleteCluster")).isZero();

    ClusterDeletion resumed = kit.clusters().delete("orders").join();

    assertThat(resumed.clusterDeleted()).isTrue();
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }
}
