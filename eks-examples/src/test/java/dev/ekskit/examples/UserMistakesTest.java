package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedAwsTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The five mistakes a user made first in a consumer project written from the README, and the
 * message each now gets: the spec type, the field as the user wrote it, the rule, and the way out,
 * all at build() before any AWS call.
 */
@SimulatedAwsTest
class UserMistakesTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/eks-cluster";
  private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d", "subnet-0e1f2a3b");

  @Test
  void clusterCreate_roleArnMissing_refusedBeforeAnyCall(SimulatedAws aws, EksKit kit) {
    ClusterSpec noRole = ClusterSpec.builder().name("orders").subnetIds(SUBNETS).build();

    assertThatThrownBy(() -> kit.clusters().create(noRole).join())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "ClusterSpec is invalid (1 violation):\n"
                + "  - roleArn: a cluster needs the IAM role EKS assumes (only a ClusterBlueprint"
                + " that makes the role may leave it out) [required]");
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void clusterSpec_badName_namesTheRule() {
    assertThatThrownBy(
            () ->
                ClusterSpec.builder().name("orders.prod").roleArn(ROLE).subnetIds(SUBNETS).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "ClusterSpec is invalid (1 violation):\n"
                + "  - name: must start with a letter or digit and hold only letters, digits, '-'"
                + " and '_' ([0-9A-Za-z][A-Za-z0-9\\-_]*), was 'orders.prod' [pattern]");
  }

  @Test
  void clusterSpec_oneSubnet_saysTwoZones() {
    assertThatThrownBy(
            () ->
                ClusterSpec.builder()
                    .name("orders")
                    .roleArn(ROLE)
                    .subnetIds(List.of("subnet-0a1b2c3d"))
                    .build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "ClusterSpec is invalid (1 violation):\n"
                + "  - subnetIds: needs at least 2, has 1 [min-size]");
  }

  @Test
  void fargateProfile_sixSelectors_saysFiveAtMost() {
    assertThatThrownBy(
            () ->
                FargateProfileSpec.builder()
                    .clusterName("orders")
                    .name("jobs")
                    .subnetIds(SUBNETS)
                    .selectors(
                        IntStream.range(0, 6).mapToObj(i -> FargateSelector.of("ns" + i)).toList())
                    .build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "FargateProfileSpec is invalid (1 violation):\n"
                + "  - selectors: needs 1 to 5 selectors, has 6 [size]");
  }

  @Test
  void nodegroup_al2OnKubernetes133_saysAl2EndsAt132() {
    assertThatThrownBy(
            () ->
                NodegroupSpec.builder()
                    .clusterName("orders")
                    .name("general")
                    .nodeRoleArn("arn:aws:iam::123456789012:role/eks-node")
                    .subnetIds(SUBNETS)
                    .kubernetesVersion("1.33")
                    .ami(AmiChoice.al2(CpuArch.X86_64, Accelerator.NONE))
                    .build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "NodegroupSpec is invalid (1 violation):\n"
                + "  - ami.family: Amazon Linux 2 EKS AMIs end with Kubernetes 1.32 (AWS ended AL2"
                + " support on 2025-11-26); use AMAZON_LINUX_2023 for 1.33 [al2-end-of-life]");
  }

  @Test
  void clusterSpec_twoMistakesAtOnce_bothInOneException() {
    assertThatThrownBy(
            () ->
                ClusterSpec.builder()
                    .name("orders.prod")
                    .roleArn(ROLE)
                    .subnetIds(List.of("subnet-0a1b2c3d"))
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + " " + v.rule())
                    .containsExactlyInAnyOrder("name pattern", "subnetIds min-size"));
  }
}
