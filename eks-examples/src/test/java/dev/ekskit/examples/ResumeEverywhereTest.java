package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating call of a whole cluster's life (cluster, managed and self-managed node groups, pod
 * execution role, Fargate profiles with CoreDNS on Fargate, then the cascade delete), found by
 * running it once: AWS acts and the answer is lost, or the process stops right after (its kit
 * closes inside the call). Running the same step again on a new kit, as a restarted process would,
 * then the rest, ends with one of everything, and the cascade leaves nothing ekskit made for the
 * cluster, the pod execution role included.
 */
class ResumeEverywhereTest {
  private static final String CLUSTER = "orders";

  /** A mutating call and which of its calls it is, counting from 1. */
  record Fault(String operation, int occurrence, boolean crash) {
    @Override
    public String toString() {
      return (crash ? "stop after " : "answer lost after ") + operation + " #" + occurrence;
    }
  }

  /** One step of the life, run on the kit of the moment. */
  private record Step(String name, Function<EksKit, Object> run) {}

  static List<Fault> everyMutatingCall() {
    List<Fault> faults = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Call call : new World().live(null)) {
      int occurrence = seen.merge(call.operation(), 1, Integer::sum);
      faults.add(new Fault(call.operation(), occurrence, false));
      faults.add(new Fault(call.operation(), occurrence, true));
    }
    return faults;
  }

  @Test
  void everyMutatingCall_coversEveryPartOfTheLife() {
    assertThat(everyMutatingCall())
        .extracting(Fault::operation)
        .contains(
            "CreateCluster",
            "CreateNodegroup",
            "CreateInstanceProfile",
            "AddRoleToInstanceProfile",
            "CreateLaunchTemplate",
            "CreateAccessEntry",
            "CreateAutoScalingGroup",
            "CreateRole",
            "AttachRolePolicy",
            "CreateFargateProfile",
            "CreateAddon",
            "DeleteFargateProfile",
            "DeleteNodegroup",
            "DeleteAutoScalingGroup",
            "RemoveRoleFromInstanceProfile",
            "DeleteInstanceProfile",
            "DeleteLaunchTemplate",
            "DeleteAddon",
            "DeleteCluster");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMutatingCall")
  void life_faultAtThisCall_runningTheStepAgainEndsWithNothingDuplicatedNorLeft(Fault fault) {
    World world = new World();

    world.live(fault);

    assertThat(world.stops).as("steps run again after a stop").isEqualTo(fault.crash() ? 1 : 0);
    assertThat(world.leftovers())
        .as("what ekskit made that is left after the cascade delete")
        .isEmpty();
  }

  /** One simulated account living through the steps, with its kit of the moment. */
  private static final class World {
    private final SimulatedAws aws = SimulatedAws.create();
    private final List<String> subnets = aws.createVpcWithSubnets(2);
    private final String nodeRole = aws.createRole("eks-node", "ec2.amazonaws.com");
    private final String clusterRole = aws.createRole("eks-cluster", "eks.amazonaws.com");
    private EksKit kit = SimulatedKit.create(aws);
    private int stops;

    /** Runs every step, injecting {@code fault} if any; returns the mutating calls that acted. */
    List<Call> live(Fault fault) {
      aws.calls().clear();
      if (fault != null) {
        if (fault.crash()) {
          aws.faults().afterCommit(fault.operation(), fault.occurrence(), () -> kit.close());
        } else {
          aws.faults().commitThenFail(fault.operation(), fault.occurrence(), 500);
        }
      }
      for (Step step : steps()) {
        runSurvivingOneStop(step);
        if (step.name().equals("fargate")) {
          assertOneOfEach();
        }
      }
      kit.close();
      List<Call> acted =
          aws.calls().all().stream()
              .filter(Call::mutating)
              .filter(call -> call.succeeded() || call.statusCode() == 500)
              .toList();
      aws.close();
      return acted;
    }

    private void runSurvivingOneStop(Step step) {
      try {
        step.run().apply(kit);
      } catch (OperationCancelledException | CompletionException stopped) {
        // The process stopped inside this step: a new one runs the same step again.
        stops++;
        kit = SimulatedKit.create(aws);
        step.run().apply(kit);
      }
    }

    private List<Step> steps() {
      return List.of(
          new Step("cluster", k -> k.clusters().create(cluster()).join()),
          new Step("managed", k -> Nodegroups.of(k).managed().create(managed()).join()),
          new Step(
              "self-managed", k -> Nodegroups.of(k).selfManaged().create(selfManaged()).join()),
          new Step(
              "role",
              k ->
                  FargateProfiles.of(k)
                      .createPodExecutionRole(PodExecutionRoleSpec.of(CLUSTER, "orders-pods"))
                      .join()),
          new Step("fargate", k -> FargateProfiles.of(k).makeFargateOnly(profiles()).join()),
          new Step("delete", k -> k.clusters().delete(CLUSTER).join()));
    }

    private void assertOneOfEach() {
      assertThat(aws.eks().listClusters().clusters()).containsExactly(CLUSTER);
      assertThat(aws.eks().listNodegroups(r -> r.clusterName(CLUSTER)).nodegroups())
          .containsExactly("general");
      assertThat(aws.eks().listFargateProfiles(r -> r.clusterName(CLUSTER)).fargateProfileNames())
          .containsExactlyInAnyOrder("system", "apps");
      assertThat(aws.eks().listAddons(r -> r.clusterName(CLUSTER)).addons()).contains("coredns");
      assertThat(aws.autoScaling().describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
      assertThat(aws.ec2().describeLaunchTemplates().launchTemplates()).hasSize(1);
      assertThat(aws.iam().listInstanceProfiles().instanceProfiles())
          .singleElement()
          .satisfies(profile -> assertThat(profile.roles()).hasSize(1));
      assertThat(
              aws.iam().listAttachedRolePolicies(r -> r.roleName("orders-pods")).attachedPolicies())
          .hasSize(1);
    }

    /** What is left of what ekskit made, by kind and name. */
    List<String> leftovers() {
      List<String> left = new ArrayList<>();
      aws.eks().listClusters().clusters().forEach(name -> left.add("cluster " + name));
      aws.autoScaling()
          .describeAutoScalingGroups()
          .autoScalingGroups()
          .forEach(g -> left.add("auto-scaling-group " + g.autoScalingGroupName()));
      aws.ec2()
          .describeLaunchTemplates()
          .launchTemplates()
          .forEach(t -> left.add("launch-template " + t.launchTemplateName()));
      aws.iam()
          .listInstanceProfiles()
          .instanceProfiles()
          .forEach(p -> left.add("instance-profile " + p.instanceProfileName()));
      aws.iam().listRoles().roles().stream()
          .filter(role -> !List.of("eks-node", "eks-cluster").contains(role.roleName()))
          .forEach(role -> left.add("iam-role " + role.roleName()));
      return left;
    }

    private ClusterSpec cluster() {
      return ClusterSpec.builder()
          .name(CLUSTER)
          .kubernetesVersion("1.33")
          .roleArn(clusterRole)
          .subnetIds(subnets)
          .build();
    }

    private NodegroupSpec managed() {
      return NodegroupSpec.builder()
          .clusterName(CLUSTER)
          .name("general")
          .nodeRoleArn(nodeRole)
          .subnetIds(subnets)
          .build();
    }

    private SelfManagedNodegroupSpec selfManaged() {
      return SelfManagedNodegroupSpec.builder()
          .clusterName(CLUSTER)
          .name("batch")
          .nodeRoleArn(nodeRole)
          .subnetIds(subnets)
          .addInstanceTypes("m5.large")
          .minSize(1)
          .desiredSize(1)
          .maxSize(2)
          .build();
    }

    private List<FargateProfileSpec> profiles() {
      String podRole = "arn:aws:iam::" + aws.accountId() + ":role/orders-pods";
      FargateProfileSpec.Builder common =
          FargateProfileSpec.builder()
              .clusterName(CLUSTER)
              .podExecutionRoleArn(podRole)
              .subnetIds(subnets);
      return List.of(
          common.name("system").addSelectors(FargateSelector.of("kube-system")).build(),
          common.name("apps").selectors(List.of(FargateSelector.of("apps"))).build());
    }
  }
}
