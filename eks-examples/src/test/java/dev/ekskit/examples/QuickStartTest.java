package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void onSimulatedAws_default_createsActiveClusterAndPrintsProgress() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ClusterInfo cluster =
        QuickStart.onSimulatedAws("demo", new PrintStream(printed, true, StandardCharsets.UTF_8));

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(cluster.isActive()).isTrue();
    assertThat(output).contains("cluster demo", "CREATING", "Cluster demo is ACTIVE", "Simulated ");
    assertThat(output).containsPattern("\\[00:0[5-9]:\\d\\d\\] cluster demo +wait ACTIVE +\\[#+");
  }
}
