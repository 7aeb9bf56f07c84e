package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.nodes.NodegroupInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodesQuickStartTest {
  @Test
  void onSimulatedAws_default_addsActiveBottlerocketNodegroup() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    NodegroupInfo group =
        NodesQuickStart.onSimulatedAws(
            "demo", new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(group.status()).isEqualTo("ACTIVE");
    assertThat(group.amiType()).isEqualTo("BOTTLEROCKET_ARM_64");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("nodegroup demo/bottlerocket-arm", "Node group bottlerocket-arm is ACTIVE");
  }
}
