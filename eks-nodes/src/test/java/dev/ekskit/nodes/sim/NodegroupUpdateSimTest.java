package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.nodes.NodegroupInfo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodegroupUpdateSimTest extends NodesSimulationTest {

  @BeforeEach
  void createGroup() {
    nodegroups
        .managed()
        .create(spec("general").minSize(1).desiredSize(2).maxSize(3).build())
        .join();
    aws.calls().clear();
  }

  @Test
  void scale_validSizes_waitsForUpdateAndReturnsNewSizes() {
    Instant start = aws.time().clock().instant();

    NodegroupInfo scaled =
        nodegroups
            .managed()
            .scale(CLUSTER, "general", s -> s.minSize(2).desiredSize(4).maxSize(8))
            .join();

    assertThat(scaled.statusAsString()).isEqualTo("ACTIVE");
    assertThat(new int[] {scaled.minSize(), scaled.desiredSize(), scaled.maxSize()})
        .containsExactly(2, 4, 8);
    assertThat(aws.calls().count("DescribeUpdate")).isPositive();
    assertThat(Duration.between(start, aws.time().clock().instant())).isPositive();
  }

  @Test
  void scale_desiredAboveMax_refusedWithoutCalls() {
    assertThatThrownBy(
            () ->
                nodegroups
                    .managed()
                    .scale(CLUSTER, "general", s -> s.minSize(1).desiredSize(5).maxSize(4)))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.rule())
                    .containsExactly("between-min-and-max"));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void updateRelease_newRelease_nodesReportIt() {
    NodegroupInfo updated =
        nodegroups.managed().updateRelease(CLUSTER, "general", "1.33.5-20251101").join();

    assertThat(updated.releaseVersion()).isEqualTo("1.33.5-20251101");
    assertThat(updated.statusAsString()).isEqualTo("ACTIVE");
  }

  @Test
  void updateVersion_afterClusterUpgrade_movesNodesToClusterVersion() {
    kit.clusters().updateVersion(CLUSTER, "1.34").join();

    NodegroupInfo updated = nodegroups.managed().updateVersion(CLUSTER, "general", "1.34").join();

    assertThat(updated.kubernetesVersion()).isEqualTo("1.34");
  }

  @Test
  void updateRelease_failedUpdate_failsWithErrors() {
    aws.faults().failUpdate(CLUSTER);

    assertThatThrownBy(
            () -> nodegroups.managed().updateRelease(CLUSTER, "general", "1.33.5-20251101").join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).contains("VersionUpdate", "Failed");
              assertThat(e.issues()).isNotEmpty();
            });
    assertThat(nodegroups.managed().describe(CLUSTER, "general").orElseThrow().releaseVersion())
        .isNotEqualTo("1.33.5-20251101");
  }
}
