package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.UpgradePlan;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.RunAgain;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.Instance;

/**
 * The whole workflow on one blueprint with every kind of part: apply on Kubernetes 1.32, upgrade to
 * 1.34 in two control-plane hops with the add-ons and both kinds of node group following, then
 * delete, leaving only what existed before.
 */
class BlueprintLifecycleTest {
  private static final String CLUSTER = "shop";
  private final SimulatedAws aws = SimulatedAws.create();
  private final String operator = aws.createRole("shop-operator", "ec2.amazonaws.com");
  private final EksKit kit = SimulatedKit.create(aws);

  @AfterEach
  void close() {
    kit.close();
    aws.close();
  }

  private ClusterBlueprint at(String version) {
    return BlueprintQuickStart.blueprint(CLUSTER, version, operator);
  }

  @Test
  void upgrade_132To134_twoHopsThenAddonsThenBothKindsOfNodeGroup() {
    kit.blueprints().apply(at("1.32")).join();
    String firstTemplateVersion = instances().get(0).launchTemplate().version();
    aws.calls().clear();

    UpgradePlan upgrade = kit.blueprints().planUpgrade(at("1.32"), "1.34");
    AppliedBlueprint upgraded =
        kit.blueprints().upgrade(at("1.32"), "1.34", ApplyOptions.defaults()).join();

    assertThat(upgrade.controlPlaneHops()).containsExactly("1.33", "1.34");
    assertThat(aws.calls().all())
        .filteredOn(call -> call.operation().equals("UpdateClusterVersion"))
        .extracting(Call::succeeded)
        .containsExactly(true, true);
    assertThat(upgraded.cluster().kubernetesVersion()).isEqualTo("1.34");
    assertThat(
            aws.eks()
                .describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("general"))
                .nodegroup()
                .version())
        .isEqualTo("1.34");
    assertThat(instances())
        .isNotEmpty()
        .allSatisfy(
            instance ->
                assertThat(instance.launchTemplate().version()).isNotEqualTo(firstTemplateVersion));
    for (String addon : List.of("vpc-cni", "kube-proxy", "coredns", "eks-pod-identity-agent")) {
      assertThat(kit.addons().describe(CLUSTER, addon).map(AddonInfo::version))
          .as(addon)
          .contains(aws.defaultAddonVersion(addon, "1.34"));
    }
    assertThat(firstCallOf("UpdateAddon")).isAfter(lastCallOf("UpdateClusterVersion"));
    assertThat(firstCallOf("UpdateNodegroupVersion")).isAfter(lastCallOf("UpdateClusterVersion"));
    assertThat(firstCallOf("StartInstanceRefresh")).isAfter(lastCallOf("UpdateClusterVersion"));
    assertThat(kit.blueprints().plan(at("1.34")).hasChanges()).isFalse();

    kit.blueprints().delete(at("1.34")).join();

    assertThat(aws.eks().listClusters().clusters()).isEmpty();
    assertThat(aws.ec2().describeVpcs().vpcs()).isEmpty();
    assertThat(aws.ec2().describeLaunchTemplates().launchTemplates()).isEmpty();
    assertThat(aws.iam().listRoles().roles())
        .extracting(role -> role.roleName())
        .containsExactly("shop-operator");
  }

  private List<Instance> instances() {
    return aws.autoScaling().describeAutoScalingGroups().autoScalingGroups().get(0).instances();
  }

  private Instant firstCallOf(String operation) {
    return aws.calls().all().stream()
        .filter(call -> call.operation().equals(operation))
        .map(Call::at)
        .findFirst()
        .orElseThrow();
  }

  private Instant lastCallOf(String operation) {
    return aws.calls().all().stream()
        .filter(call -> call.operation().equals(operation))
        .map(Call::at)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void applyUpgradeDelete_underThrottlingServerErrorsAndLostAnswers_duplicateNothingLeaveNothing() {
    aws.faults().throttle(0.3).serverErrors(0.1, 0.1);

    RunAgain.untilDone(3, () -> kit.blueprints().apply(at("1.32")).join());
    RunAgain.untilDone(
        3, () -> kit.blueprints().upgrade(at("1.32"), "1.33", ApplyOptions.defaults()).join());
    aws.faults().clear(); // for the test's own look from outside

    assertThat(aws.calls().all())
        .filteredOn(call -> call.mutating() && call.statusCode() == 500)
        .as("changes whose answer was lost")
        .hasSizeGreaterThan(5);
    assertThat(kit.blueprints().plan(at("1.33")).hasChanges()).isFalse();
    assertThat(aws.eks().listNodegroups(r -> r.clusterName(CLUSTER)).nodegroups())
        .containsExactly("general");
    assertThat(aws.autoScaling().describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
    assertThat(aws.ec2().describeLaunchTemplates().launchTemplates()).hasSize(1);
    assertThat(
            aws.ec2()
                .describeLaunchTemplateVersions(r -> r.launchTemplateName("shop-batch"))
                .launchTemplateVersions())
        .as("one version for the create, one for the upgrade")
        .hasSize(2);
    assertThat(aws.eks().listFargateProfiles(r -> r.clusterName(CLUSTER)).fargateProfileNames())
        .containsExactly("jobs");
    assertThat(aws.ec2().describeVpcs().vpcs()).hasSize(1);

    aws.faults().throttle(0.3).serverErrors(0.1, 0.1);
    RunAgain.untilDone(3, () -> kit.blueprints().delete(at("1.33")).join());
    aws.faults().clear();

    assertThat(aws.eks().listClusters().clusters()).isEmpty();
    assertThat(aws.ec2().describeVpcs().vpcs()).isEmpty();
    assertThat(aws.ec2().describeLaunchTemplates().launchTemplates()).isEmpty();
    assertThat(aws.iam().listInstanceProfiles().instanceProfiles()).isEmpty();
    assertThat(aws.iam().listRoles().roles())
        .extracting(role -> role.roleName())
        .containsExactly("shop-operator");
  }
}
