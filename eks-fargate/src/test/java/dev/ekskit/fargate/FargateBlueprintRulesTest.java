package dev.ekskit.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NatMode;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile as a blueprint part: what it may leave out, and what it needs of the blueprint. */
class FargateBlueprintRulesTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/eks-cluster";
  private static final String SUBNET = "subnet-0a1b2c3d4e5f60718";

  private static FargateProfileSpec.Builder part(String cluster) {
    return FargateProfileSpec.builder()
        .clusterName(cluster)
        .name("batch")
        .addSelectors(FargateSelector.of("batch"));
  }

  private static ClusterBlueprint.Builder withNetwork(String cluster, NatMode nat) {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name(cluster).roleArn(ROLE).build())
        .network(NetworkSpec.builder().name(cluster).natMode(nat).build());
  }

  private static ClusterBlueprint.Builder withoutNetwork(String cluster) {
    return ClusterBlueprint.builder()
        .cluster(
            ClusterSpec.builder()
                .name(cluster)
                .roleArn(ROLE)
                .addSubnetIds(SUBNET, "subnet-0f1e2d3c4b5a69788")
                .build());
  }

  @Test
  void build_noRoleNorSubnets_accepted() {
    FargateProfileSpec spec = part("orders").build();

    assertThat(spec.podExecutionRoleArn()).isEmpty();
    assertThat(spec.subnetIds()).isEmpty();
    assertThat(spec.partName()).isEqualTo("batch");
  }

  @Test
  void hostsLinuxSystemPods_selectorsTakingCoreDns_trueElseFalse() {
    assertThat(part("orders").addSelectors(FargateSelector.of("kube-system")).build())
        .matches(FargateProfileSpec::hostsLinuxSystemPods);
    assertThat(part("orders").addSelectors(FargateSelector.of("kube-*")).build())
        .matches(FargateProfileSpec::hostsLinuxSystemPods);
    assertThat(
            part("orders")
                .addSelectors(FargateSelector.of("kube-system", Map.of("k8s-app", "kube-dns")))
                .build())
        .matches(FargateProfileSpec::hostsLinuxSystemPods);
    assertThat(part("orders").build().hostsLinuxSystemPods()).isFalse();
    assertThat(
            part("orders")
                .addSelectors(FargateSelector.of("kube-system", Map.of("app", "metrics")))
                .build()
                .hostsLinuxSystemPods())
        .isFalse();
  }

  @Test
  void blueprint_networkMadeAndPartLeavesSubnetsAndRoleOut_builds() {
    ClusterBlueprint blueprint =
        withNetwork("orders", NatMode.SINGLE).addParts(part("orders").build()).build();

    assertThat(blueprint.parts()).hasSize(1);
  }

  @Test
  void blueprint_networkMadeAndPartNamesSubnets_refusedAtThePartsPath() {
    assertThatThrownBy(
            () ->
                withNetwork("orders", NatMode.SINGLE)
                    .addParts(part("orders").addSubnetIds(SUBNET).build())
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("parts[0].subnetIds", "network-subnets")));
  }

  @Test
  void blueprint_networkWithoutNat_refusedNamingTheRule() {
    assertThatThrownBy(
            () -> withNetwork("orders", NatMode.NONE).addParts(part("orders").build()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("parts[0].subnetIds", "nat-gateway")));
  }

  @Test
  void blueprint_noNetworkAndPartWithoutSubnets_subnetsRequired() {
    assertThatThrownBy(() -> withoutNetwork("orders").addParts(part("orders").build()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("parts[0].subnetIds", "required")));
  }

  @Test
  void blueprint_noNetworkAndPartWithSubnets_builds() {
    ClusterBlueprint blueprint =
        withoutNetwork("orders").addParts(part("orders").addSubnetIds(SUBNET).build()).build();

    assertThat(blueprint.parts()).hasSize(1);
  }

  @Test
  void blueprint_clusterNameTooLongForTheMadeRole_roleRequired() {
    String cluster = "c".repeat(60);

    assertThatThrownBy(
            () -> withNetwork(cluster, NatMode.SINGLE).addParts(part(cluster).build()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("parts[0].podExecutionRoleArn", "required")));
    assertThat(
            withNetwork(cluster, NatMode.SINGLE)
                .addParts(
                    part(cluster)
                        .podExecutionRoleArn("arn:aws:iam::123456789012:role/pods")
                        .build())
                .build()
                .parts())
        .hasSize(1);
  }
}
