package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.UpgradePlan;
import dev.ekskit.core.Violation;
import dev.ekskit.simulator.Call;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;

/** A blueprint's upgrade: preflight, control plane one minor at a time, then the add-ons. */
class BlueprintUpgradeSimTest extends SimulationTest {
  private static final String CLUSTER = BlueprintSimTest.CLUSTER;

  private static ClusterBlueprint at(String version) {
    return BlueprintSimTest.blueprint()
        .cluster(ClusterSpec.builder().name(CLUSTER).kubernetesVersion(version).build())
        .build();
  }

  @BeforeEach
  void clusterOn132() {
    kit.blueprints().apply(at("1.32")).join();
    aws.calls().clear();
  }

  private String addonVersion(String name) {
    return kit.addons().describe(CLUSTER, name).map(AddonInfo::version).orElseThrow();
  }

  @Test
  void planUpgrade_twoMinors_showsHopsAndAddonUpdatesWithoutMutating() {
    UpgradePlan upgrade = kit.blueprints().planUpgrade(at("1.32"), "1.34");

    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(upgrade.canProceed()).isTrue();
    assertThat(upgrade.fromVersion()).isEqualTo("1.32");
    assertThat(upgrade.controlPlaneHops()).containsExactly("1.33", "1.34");
    assertThat(upgrade.plan().find("cluster", CLUSTER).orElseThrow().action())
        .isEqualTo(PlanAction.UPDATE);
    assertThat(upgrade.plan().find("add-on", "kube-proxy").orElseThrow().differences())
        .singleElement()
        .satisfies(
            d -> assertThat(d.wanted()).isEqualTo(aws.defaultAddonVersion("kube-proxy", "1.34")));
    assertThat(upgrade.render()).contains("control plane: 1.32 → 1.33 → 1.34", "no blockers");
  }

  @Test
  void upgrade_twoMinors_movesControlPlaneTwiceThenAddonsToNewDefaults() {
    AppliedBlueprint upgraded =
        kit.blueprints().upgrade(at("1.32"), "1.34", ApplyOptions.defaults()).join();

    assertThat(upgraded.cluster().kubernetesVersion()).isEqualTo("1.34");
    assertThat(aws.calls().all().stream().filter(c -> c.operation().equals("UpdateClusterVersion")))
        .extracting(Call::succeeded)
        .containsExactly(true, true);
    for (String addon : new String[] {"vpc-cni", "kube-proxy", "coredns"}) {
      assertThat(addonVersion(addon)).as(addon).isEqualTo(aws.defaultAddonVersion(addon, "1.34"));
    }
    assertThat(upgraded.changes(PlanAction.UPDATE))
        .extracting(PlannedChange::kind)
        .contains("cluster", "add-on");
    assertThat(kit.blueprints().plan(at("1.34")).hasChanges()).isFalse();
  }

  @Test
  void upgrade_stoppedAfterFirstHop_finishesWhenRunAgainWithoutRepeatingIt() {
    aws.faults().afterCommit("UpdateClusterVersion", 1, kit::close);
    assertThatThrownBy(
            () -> kit.blueprints().upgrade(at("1.32"), "1.34", ApplyOptions.defaults()).join())
        .isInstanceOfAny(OperationCancelledException.class, CompletionException.class);

    kit = kitOn(aws);
    kit.blueprints().upgrade(at("1.32"), "1.34", ApplyOptions.defaults()).join();

    assertThat(
            aws.calls().all().stream()
                .filter(c -> c.operation().equals("UpdateClusterVersion") && c.succeeded()))
        .hasSize(2);
    assertThat(kit.clusters().describe(CLUSTER).orElseThrow().kubernetesVersion())
        .isEqualTo("1.34");
  }

  @Test
  void upgrade_insightInError_isBlockedBeforeAnyChangeUnlessForced() {
    aws.faults().upgradeInsight(CLUSTER, InsightStatusValue.ERROR);

    UpgradePlan upgrade = kit.blueprints().planUpgrade(at("1.32"), "1.33");
    assertThatThrownBy(
            () -> kit.blueprints().upgrade(at("1.32"), "1.33", ApplyOptions.defaults()).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("insight-error"));

    assertThat(upgrade.canProceed()).isFalse();
    assertThat(upgrade.insights()).isNotEmpty();
    assertThat(aws.calls().mutatingCount()).isZero();
    kit.blueprints().upgrade(at("1.32"), "1.33", ApplyOptions.builder().force(true).build()).join();
    assertThat(kit.clusters().describe(CLUSTER).orElseThrow().kubernetesVersion())
        .isEqualTo("1.33");
  }

  @Test
  void upgrade_olderOrUnknownTarget_isBlockedWithItsRule() {
    assertThat(kit.blueprints().planUpgrade(at("1.32"), "1.31").blockers())
        .extracting(Violation::rule)
        .containsExactly("no-downgrade");
    assertThat(kit.blueprints().planUpgrade(at("1.32"), "1.40").blockers())
        .extracting(Violation::rule)
        .contains("supported-version");
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void upgrade_nodeGroupTooFarBehind_isBlockedNamingIt() {
    aws.eks()
        .createNodegroup(
            r ->
                r.clusterName(CLUSTER)
                    .nodegroupName("legacy")
                    .version("1.30")
                    .nodeRole("arn:aws:iam::123456789012:role/orders-nodes")
                    .subnets(kit.networks().describe(CLUSTER).orElseThrow().subnetIds()));
    aws.calls().clear();

    UpgradePlan upgrade = kit.blueprints().planUpgrade(at("1.32"), "1.34");

    assertThat(upgrade.blockers())
        .singleElement()
        .satisfies(
            blocker -> {
              assertThat(blocker.field()).isEqualTo("managed node group legacy");
              assertThat(blocker.rule()).isEqualTo("version-skew");
            });
    assertThat(aws.calls().mutatingCount()).isZero();
  }
}
