package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.nodes.NodegroupInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodesQuickStartTest {
  @Test
  void onSimulatedAws_default_addsBottlerocketManagedAndAl2023SelfManagedGroups() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    NodesQuickStart.Nodes nodes =
        NodesQuickStart.onSimulatedAws(
            "demo", new PrintStream(printed, true, StandardCharsets.UTF_8));

    NodegroupInfo managed = nodes.managed();
    assertThat(managed.statusAsString()).isEqualTo("ACTIVE");
    assertThat(managed.amiType()).isEqualTo("BOTTLEROCKET_ARM_64");
    assertThat(nodes.selfManaged().autoScalingGroupName()).isEqualTo("demo-al2023-batch");
    assertThat(nodes.selfManaged().inServiceInstanceIds()).hasSize(2);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "nodegroup demo/bottlerocket-arm",
            "Node group bottlerocket-arm is ACTIVE",
            "self-managed-nodegroup demo/al2023-batch",
            "Self-managed node group al2023-batch: 2 instances InService");
  }
}
