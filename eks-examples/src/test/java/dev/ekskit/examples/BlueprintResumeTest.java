package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.simulator.AccountLeftovers;
import dev.ekskit.simulator.ResumeFault;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.RestartingKit;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating call of a whole blueprint's life (every kind of part: network, roles, cluster,
 * add-ons, access entry, managed and self-managed node groups, Fargate profile, Pod Identity),
 * through apply, an upgrade by one minor version and the delete, found by living it once. At each,
 * AWS acts and the answer is lost, or the process stops right after (its kit closes inside the
 * call); running the same operation again on a new kit, as a restarted process would, ends with one
 * of everything (each create succeeded once, the plan shows no change), and the delete leaves
 * nothing but the operator role that existed before.
 */
class BlueprintResumeTest {
  private static final String CLUSTER = "shop";

  static List<ResumeFault> everyMutatingCall() {
    try (World world = new World()) {
      world.live(null);
      return ResumeFault.atEach(ResumeFault.acted(world.aws));
    }
  }

  @Test
  void everyMutatingCall_coversEveryKindOfPartAndEveryOperation() {
    assertThat(everyMutatingCall())
        .extracting(ResumeFault::operation)
        .contains(
            "CreateVpc",
            "CreateNatGateway",
            "CreateRole",
            "CreateCluster",
            "CreateAddon",
            "CreateAccessEntry",
            "CreateNodegroup",
            "CreateLaunchTemplate",
            "CreateAutoScalingGroup",
            "CreateFargateProfile",
            "CreatePodIdentityAssociation",
            "UpdateClusterVersion",
            "UpdateAddon",
            "UpdateNodegroupVersion",
            "CreateLaunchTemplateVersion",
            "StartInstanceRefresh",
            "DeleteFargateProfile",
            "DeleteNodegroup",
            "DeleteAutoScalingGroup",
            "DeleteCluster",
            "DeleteNatGateway",
            "DeleteVpc",
            "DeleteRole");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMutatingCall")
  void life_faultAtThisCall_runningAgainFinishesWithNothingDuplicatedNorLeft(ResumeFault fault) {
    try (World world = new World()) {
      world.live(fault);

      assertThat(world.process.stops()).isEqualTo(fault.stop() ? 1 : 0);
      assertThat(AccountLeftovers.of(world.aws, Set.of("shop-operator"))).isEmpty();
    }
  }

  /** One simulated account living through the blueprint's life, with its kit of the moment. */
  private static final class World implements AutoCloseable {
    private final SimulatedAws aws = SimulatedAws.create();
    private final String operator = aws.createRole("shop-operator", "ec2.amazonaws.com");
    private final ClusterBlueprint before =
        BlueprintQuickStart.blueprint(CLUSTER, "1.33", operator);
    private final ClusterBlueprint after = before.withKubernetesVersion("1.34");
    private final RestartingKit process = new RestartingKit(() -> SimulatedKit.create(aws));

    void live(ResumeFault fault) {
      aws.calls().clear();
      if (fault != null) {
        fault.arm(aws, process::stop);
      }
      process.run(kit -> kit.blueprints().apply(before).join());
      assertOneOfEach();
      process.run(kit -> kit.blueprints().upgrade(before, "1.34", ApplyOptions.defaults()).join());
      assertThat(process.kit().blueprints().plan(after).hasChanges())
          .as("plan after upgrade")
          .isFalse();
      process.run(kit -> kit.blueprints().delete(after).join());
    }

    private void assertOneOfEach() {
      assertThat(process.kit().blueprints().plan(before).hasChanges())
          .as("plan after apply")
          .isFalse();
      assertThat(succeeded("CreateCluster")).isEqualTo(1);
      assertThat(aws.eks().listNodegroups(r -> r.clusterName(CLUSTER)).nodegroups())
          .containsExactly("general");
      assertThat(aws.autoScaling().describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
      assertThat(aws.ec2().describeLaunchTemplates().launchTemplates()).hasSize(1);
      assertThat(aws.iam().listInstanceProfiles().instanceProfiles()).hasSize(1);
      assertThat(aws.eks().listFargateProfiles(r -> r.clusterName(CLUSTER)).fargateProfileNames())
          .containsExactly("jobs");
      assertThat(aws.ec2().describeVpcs().vpcs()).hasSize(1);
      assertThat(aws.ec2().describeNatGateways().natGateways())
          .filteredOn(nat -> nat.stateAsString().equals("available"))
          .hasSize(1);
    }

    private long succeeded(String operation) {
      return aws.calls().all().stream()
          .filter(call -> call.operation().equals(operation) && call.succeeded())
          .count();
    }

    @Override
    public void close() {
      process.close();
      aws.close();
    }
  }
}
