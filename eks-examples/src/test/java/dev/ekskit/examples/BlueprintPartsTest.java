package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.Violation;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Module parts side by side in one blueprint: their lanes, and their paths in its errors. */
class BlueprintPartsTest {
  private final SimulatedAws aws = SimulatedAws.create();
  private final EksKit kit = SimulatedKit.create(aws);

  @AfterEach
  void close() {
    kit.close();
    aws.close();
  }

  private static FargateProfileSpec profile(String name) {
    return FargateProfileSpec.builder()
        .clusterName("shop")
        .name(name)
        .addSelectors(FargateSelector.of(name))
        .build();
  }

  private static NodegroupSpec nodes(String name) {
    return NodegroupSpec.builder().clusterName("shop").name(name).build();
  }

  private static ClusterBlueprint.Builder blueprint() {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name("shop").kubernetesVersion("1.33").build())
        .network(NetworkSpec.builder().name("shop").build())
        .clusterRole(ClusterRoleSpec.builder().name("shop-cluster").build())
        .nodeRole(NodeRoleSpec.builder().name("shop-nodes").build());
  }

  @Test
  void apply_profilesAndNodeGroups_nodeGroupsDoNotQueueBehindProfilesWaitingTheirTurn() {
    ClusterBlueprint blueprint =
        blueprint()
            .addParts(profile("a"), profile("b"), profile("c"), nodes("general"), nodes("spare"))
            .build();

    kit.blueprints().apply(blueprint, ApplyOptions.builder().computeParallelism(1).build()).join();

    Instant lastProfileCreate = lastCall("CreateFargateProfile");
    assertThat(firstCall("CreateNodegroup")).isBefore(lastProfileCreate);
  }

  @Test
  void plan_partTheAccountRefuses_namesItsPathInTheBlueprint() {
    List<String> subnets = aws.createVpcWithSubnets(2);
    subnets.forEach(aws::routeToInternet);
    ClusterBlueprint blueprint =
        ClusterBlueprint.builder()
            .cluster(
                ClusterSpec.builder()
                    .name("shop")
                    .kubernetesVersion("1.33")
                    .roleArn(aws.createRole("shop-cluster", "eks.amazonaws.com"))
                    .subnetIds(subnets)
                    .build())
            .addParts(
                nodes("general").toBuilder()
                    .subnetIds(subnets)
                    .nodeRoleArn(aws.createRole("shop-nodes", "ec2.amazonaws.com"))
                    .build(),
                profile("jobs").toBuilder()
                    .subnetIds(subnets)
                    .podExecutionRoleArn(
                        aws.createRole("shop-pods", "eks-fargate-pods.amazonaws.com"))
                    .build())
            .build();
    aws.calls().clear();

    assertThatThrownBy(() -> kit.blueprints().plan(blueprint))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .allMatch(field -> field.startsWith("parts[1].subnetIds")));
    assertThat(aws.calls().all()).noneMatch(Call::mutating);
  }

  private Instant firstCall(String operation) {
    return aws.calls().all().stream()
        .filter(call -> call.operation().equals(operation) && call.succeeded())
        .map(Call::at)
        .findFirst()
        .orElseThrow();
  }

  private Instant lastCall(String operation) {
    return aws.calls().all().stream()
        .filter(call -> call.operation().equals(operation) && call.succeeded())
        .map(Call::at)
        .reduce((first, second) -> second)
        .orElseThrow();
  }
}
