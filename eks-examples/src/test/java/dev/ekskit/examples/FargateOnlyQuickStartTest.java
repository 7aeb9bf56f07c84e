package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.fargate.FargateProfileInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FargateOnlyQuickStartTest {
  @Test
  void onSimulatedAws_default_twoActiveProfilesAndCoreDnsOnFargate() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    List<FargateProfileInfo> profiles =
        FargateOnlyQuickStart.onSimulatedAws(
            "demo", new PrintStream(printed, true, StandardCharsets.UTF_8));

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(profiles).extracting(FargateProfileInfo::name).containsExactly("system", "apps");
    assertThat(profiles).extracting(FargateProfileInfo::statusAsString).containsOnly("ACTIVE");
    assertThat(output)
        .contains("fargate-profile demo/system", "fargate-profile demo/apps")
        .contains(
            "Cluster demo is Fargate-only; coredns configuration {\"computeType\":\"Fargate\"}");
  }
}
