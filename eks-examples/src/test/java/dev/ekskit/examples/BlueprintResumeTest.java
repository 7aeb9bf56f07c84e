package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.sim.ResumeFault;
import dev.ekskit.testkit.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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

      assertThat(world.stops).isEqualTo(fault.stop() ? 1 : 0);
      assertThat(world.leftovers()).isEmpty();
    }
  }

  /** One simulated account living through the blueprint's life, with its kit of the moment. */
  private static final class World implements AutoCloseable {
    private final SimulatedAws aws = SimulatedAws.create();
    private final String operator = Simulation.role(aws, "shop-operator", "ec2.amazonaws.com");
    private final ClusterBlueprint before = BlueprintQuickStart.blueprint(CLUSTER, "1.33", operator);
    private final ClusterBlueprint after = before.withKubernetesVersion("1.34");
    private EksKit kit = newKit();
    private int stops;

    private EksKit newKit() {
      return Simulation.kit(aws, event -> {});
    }

    void live(ResumeFault fault) {
      aws.calls().clear();
      if (fault != null) {
        fault.arm(aws, () -> kit.close());
      }
      runSurvivingOneStop(k -> k.blueprints().apply(before).join());
      assertOneOfEach();
      runSurvivingOneStop(
          k -> k.blueprints().upgrade(before, "1.34", ApplyOptions.defaults()).join());
      assertThat(kit.blueprints().plan(after).hasChanges()).as("plan after upgrade").isFalse();
      runSurvivingOneStop(k -> k.blueprints().delete(after).join());
    }

    private void assertOneOfEach() {
      assertThat(kit.blueprints().plan(before).hasChanges()).as("plan after apply").isFalse();
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

    private void runSurvivingOneStop(Function<EksKit, Object> step) {
      try {
        step.apply(kit);
      } catch (EksKitException | CompletionException stopped) {
        // The process stopped inside this step: a new one runs the same step again.
        stops++;
        kit = newKit();
        step.apply(kit);
      }
    }

    List<String> leftovers() {
      List<String> left = new ArrayList<>();
      aws.eks().listClusters().clusters().forEach(name -> left.add("cluster " + name));
      aws.ec2().describeVpcs().vpcs().forEach(vpc -> left.add("vpc " + vpc.vpcId()));
      aws.ec2().describeNatGateways().natGateways().stream()
          .filter(nat -> !nat.stateAsString().startsWith("delete"))
          .forEach(nat -> left.add("nat " + nat.natGatewayId()));
      aws.ec2().describeAddresses().addresses().forEach(a -> left.add("eip " + a.allocationId()));
      aws.ec2()
          .describeLaunchTemplates()
          .launchTemplates()
          .forEach(t -> left.add("launch template " + t.launchTemplateName()));
      aws.autoScaling()
          .describeAutoScalingGroups()
          .autoScalingGroups()
          .forEach(g -> left.add("auto scaling group " + g.autoScalingGroupName()));
      aws.iam()
          .listInstanceProfiles()
          .instanceProfiles()
          .forEach(p -> left.add("instance profile " + p.instanceProfileName()));
      aws.iam().listRoles().roles().stream()
          .filter(role -> !role.roleName().equals("shop-operator"))
          .forEach(role -> left.add("role " + role.roleName()));
      aws.iam()
          .listOpenIDConnectProviders()
          .openIDConnectProviderList()
          .forEach(p -> left.add("oidc " + p.arn()));
      return left;
    }

    @Override
    public void close() {
      kit.close();
      aws.close();
    }
  }
}
