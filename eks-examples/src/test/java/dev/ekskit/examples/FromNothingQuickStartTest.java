package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.simulator.SimulatedAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FromNothingQuickStartTest {
  @Test
  void run_onSimulatedAws_buildsEverythingThenLeavesNothingButTheOperatorRole() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (SimulatedAws aws = SimulatedAws.create()) {
      FromNothingQuickStart.run(aws, "shop", new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("Cluster shop is ACTIVE", "coredns", "kube-proxy", "vpc-cni")
          .contains("eks-pod-identity-agent")
          .contains("Deleted cluster shop with node groups [general]");
      assertThat(aws.eks().listClusters().clusters()).isEmpty();
      assertThat(aws.ec2().describeVpcs().vpcs()).isEmpty();
      assertThat(aws.ec2().describeSubnets().subnets()).isEmpty();
      assertThat(aws.ec2().describeNatGateways().natGateways())
          .allSatisfy(nat -> assertThat(nat.stateAsString()).isEqualTo("deleted"));
      assertThat(aws.ec2().describeAddresses().addresses()).isEmpty();
      assertThat(aws.ec2().describeInternetGateways().internetGateways()).isEmpty();
      assertThat(aws.iam().listRoles().roles())
          .extracting(role -> role.roleName())
          .containsExactly("shop-operator");
      assertThat(aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    }
  }
}
