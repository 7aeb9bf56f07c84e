package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.RecordingEndpoint;
import dev.ekskit.testkit.SimulatedKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A test on the simulated AWS can never reach an account: with the SDK's default chain pointed at a
 * live endpoint (as {@code AWS_ENDPOINT_URL} and credentials in the environment would), node group
 * and Fargate workflows on a simulated kit send it nothing, while a kit on the default chain does
 * reach it.
 */
class SimulatedKitSafetyTest {
  @Test
  void workflows_onASimulatedKit_sendNothingToTheDefaultChainsEndpoint() {
    try (RecordingEndpoint live = RecordingEndpoint.start().asDefaultChain();
        SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(2);
      String nodeRole = aws.createRole("eks-node", "ec2.amazonaws.com");
      try (EksKit kit = SimulatedKit.create(aws)) {
        everyWorkflow(kit, aws, subnets, nodeRole);
      }

      assertThat(live.requests()).isEmpty();
      try (EksKit onDefaultChain = EksKit.create()) {
        assertThat(onDefaultChain.clusters().describe("orders")).isEmpty();
      }
      assertThat(live.requests()).hasSize(1);
    }
  }

  @Test
  void quickStarts_withTheDefaultChainPointedAtALiveEndpoint_sendItNothing() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (RecordingEndpoint live = RecordingEndpoint.start().asDefaultChain()) {
      NodesQuickStart.onSimulatedAws("nodes", quiet);
      FargateOnlyQuickStart.onSimulatedAws("fargate", quiet);

      assertThat(live.requests()).isEmpty();
    }
  }

  private static void everyWorkflow(
      EksKit kit, SimulatedAws aws, List<String> subnets, String nodeRole) {
    kit.clusters()
        .create(
            ClusterSpec.builder()
                .name("orders")
                .kubernetesVersion("1.33")
                .roleArn(aws.createRole("eks-cluster", "eks.amazonaws.com"))
                .subnetIds(subnets)
                .build())
        .join();
    Nodegroups nodegroups = Nodegroups.of(kit);
    nodegroups
        .managed()
        .create(
            NodegroupSpec.builder()
                .clusterName("orders")
                .name("general")
                .nodeRoleArn(nodeRole)
                .subnetIds(subnets)
                .build())
        .join();
    nodegroups
        .selfManaged()
        .create(
            SelfManagedNodegroupSpec.builder()
                .clusterName("orders")
                .name("batch")
                .nodeRoleArn(nodeRole)
                .subnetIds(subnets)
                .addInstanceTypes("m5.large")
                .minSize(1)
                .desiredSize(1)
                .maxSize(2)
                .build())
        .join();
    FargateProfiles fargate = FargateProfiles.of(kit);
    String podRole =
        fargate.createPodExecutionRole(PodExecutionRoleSpec.of("orders", "orders-pods")).join();
    fargate
        .create(
            FargateProfileSpec.builder()
                .clusterName("orders")
                .name("system")
                .podExecutionRoleArn(podRole)
                .subnetIds(subnets)
                .addSelectors(FargateSelector.of("kube-system"))
                .build())
        .join();
    kit.clusters().delete("orders").join();
  }
}
