package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.UpgradePlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A blueprint's upgrade reaches both kinds of node group once the control plane is there: managed
 * groups through {@code UpdateNodegroupVersion}, self-managed ones through a new launch template
 * version with the new version's AMI and an instance refresh.
 */
class NodegroupUpgradeSimTest extends BlueprintSimulationTest {
  private ClusterBlueprint old;

  @BeforeEach
  void applyAt132() {
    old = blueprint("1.32", managed("general").build(), selfManaged("batch").build());
    kit.blueprints().apply(old).join();
    aws.calls().clear();
  }

  @Test
  void planUpgrade_nodesOneVersionBehind_reportTheirVersionAndMayProceed() {
    UpgradePlan upgrade = kit.blueprints().planUpgrade(old, "1.33");

    assertThat(upgrade.canProceed()).isTrue();
    assertThat(version(line(upgrade.plan(), MANAGED, "general")))
        .isEqualTo(new FieldDifference(PlannedChange.KUBERNETES_VERSION, "1.33", "1.32"));
    assertThat(version(line(upgrade.plan(), SELF_MANAGED, "batch")))
        .isEqualTo(new FieldDifference(PlannedChange.KUBERNETES_VERSION, "1.33", "1.32"));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void upgrade_to133_controlPlaneThenBothKindsOfNodes() {
    kit.blueprints().upgrade(old, "1.33", ApplyOptions.defaults()).join();

    assertThat(mutatingCalls())
        .containsSubsequence("UpdateClusterVersion", "UpdateNodegroupVersion")
        .containsSubsequence(
            "UpdateClusterVersion",
            "CreateLaunchTemplateVersion",
            "ModifyLaunchTemplate",
            "StartInstanceRefresh");
    assertThat(
            aws.eks()
                .describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("general"))
                .nodegroup()
                .version())
        .isEqualTo("1.33");
    assertThat(Templates.instanceTags(aws, "orders-batch", "$Default"))
        .containsEntry("ekskit.dev/kubernetes-version", "1.33");
    assertThat(Templates.data(aws, "orders-batch", "$Default").imageId())
        .isNotEqualTo(Templates.data(aws, "orders-batch", "1").imageId());
    assertThat(
            Templates.instanceVersions(
                aws.autoScaling()
                    .describeAutoScalingGroups(r -> r.autoScalingGroupNames("orders-batch"))
                    .autoScalingGroups()
                    .get(0)))
        .as("every instance runs the new version")
        .isNotEmpty()
        .containsOnly("2");
    assertThat(kit.blueprints().plan(old.withKubernetesVersion("1.33")).hasChanges()).isFalse();
  }

  @Test
  void upgrade_throttledOften_stillReachesEveryNodeOnce() {
    aws.faults().throttle(0.3); // 30% of all calls, control plane's included
    kit.blueprints().upgrade(old, "1.33", ApplyOptions.defaults()).join();

    aws.faults().clear();
    assertThat(kit.blueprints().plan(old.withKubernetesVersion("1.33")).hasChanges()).isFalse();
    assertThat(Templates.versions(aws, "orders-batch")).isEqualTo(2);
    assertThat(
            aws.autoScaling()
                .describeInstanceRefreshes(r -> r.autoScalingGroupName("orders-batch"))
                .instanceRefreshes())
        .hasSize(1);
  }

  @Test
  void upgrade_selfManagedGroupPinnedToItsVersion_staysThere() {
    ClusterBlueprint pinned =
        blueprint(
            "1.32",
            managed("general").build(),
            selfManaged("batch").build(),
            selfManaged("legacy").kubernetesVersion("1.32").build());
    kit.blueprints().apply(pinned).join();

    kit.blueprints().upgrade(pinned, "1.33", ApplyOptions.defaults()).join();

    assertThat(Templates.instanceTags(aws, "orders-legacy", "$Default"))
        .containsEntry("ekskit.dev/kubernetes-version", "1.32");
    assertThat(Templates.versions(aws, "orders-legacy")).isOne();
    assertThat(Templates.instanceTags(aws, "orders-batch", "$Default"))
        .containsEntry("ekskit.dev/kubernetes-version", "1.33");
  }

  private static FieldDifference version(PlannedChange change) {
    return change.differences().stream()
        .filter(d -> d.field().equals(PlannedChange.KUBERNETES_VERSION))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no version difference in " + change));
  }
}
