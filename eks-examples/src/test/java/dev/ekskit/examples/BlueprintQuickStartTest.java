package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.BlueprintDeletion;
import dev.ekskit.simulator.SimulatedAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueprintQuickStartTest {
  @Test
  void run_onSimulatedAws_plansAppliesUpgradesAndDeletesLeavingOnlyTheOperatorRole() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (SimulatedAws aws = SimulatedAws.create()) {
      BlueprintDeletion deleted =
          BlueprintQuickStart.run(
              aws, "shop", new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("Plan for cluster shop (Kubernetes 1.33): 13 to create")
          .contains("+ create            self-managed node group   batch")
          .contains("Cluster shop is ACTIVE on Kubernetes 1.33: 13 resources created")
          .contains("control plane: 1.33 → 1.34")
          .contains("~ update            managed node group        general")
          .contains("Cluster shop is on Kubernetes 1.34")
          .contains("Deleted cluster shop");
      assertThat(deleted.cluster().nodegroups()).containsExactly("general");
      assertThat(deleted.cluster().otherParts())
          .containsEntry("self-managed node groups", List.of("batch"));
      assertThat(aws.eks().listClusters().clusters()).isEmpty();
      assertThat(aws.ec2().describeVpcs().vpcs()).isEmpty();
      assertThat(aws.ec2().describeLaunchTemplates().launchTemplates()).isEmpty();
      assertThat(aws.autoScaling().describeAutoScalingGroups().autoScalingGroups()).isEmpty();
      assertThat(aws.iam().listInstanceProfiles().instanceProfiles()).isEmpty();
      assertThat(aws.iam().listRoles().roles())
          .extracting(role -> role.roleName())
          .containsExactly("shop-operator");
      assertThat(aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }
  }
}
