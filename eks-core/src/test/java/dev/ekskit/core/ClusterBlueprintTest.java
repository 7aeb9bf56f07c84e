package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.spi.BlueprintFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The rules of a blueprint as a whole, all reported at once with their paths. */
class ClusterBlueprintTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/eks-cluster";

  /** A part as a module contributes one, breaking the rules it is told to within the blueprint. */
  record Part(String clusterName, String partName, boolean linux, List<Violation> breaks)
      implements BlueprintPart {
    static Part linux(String name) {
      return new Part("orders", name, true, List.of());
    }

    @Override
    public boolean hostsLinuxSystemPods() {
      return linux;
    }

    @Override
    public List<Violation> violationsWithin(BlueprintFacts blueprint) {
      return blueprint.hasLinuxCapacityBesides(this) || linux
          ? breaks
          : List.of(new Violation("ami", "windows-needs-linux-capacity", "needs Linux nodes"));
    }
  }

  private static ClusterBlueprint.Builder made() {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name("orders").kubernetesVersion("1.33").build())
        .network(NetworkSpec.builder().name("orders").build())
        .clusterRole(ClusterRoleSpec.builder().name("orders-cluster").build());
  }

  private static List<Violation> violations(ClusterBlueprint.Builder builder) {
    try {
      builder.build();
      return List.of();
    } catch (InvalidSpecException e) {
      return e.violations();
    }
  }

  @Test
  void build_madeNetworkAndRole_isValidWithoutRoleArnOrSubnets() {
    ClusterBlueprint blueprint = made().build();

    assertThat(blueprint.clusterName()).isEqualTo("orders");
    assertThat(blueprint.cluster().roleArn()).isEmpty();
    assertThat(blueprint.withKubernetesVersion("1.34").cluster().kubernetesVersion())
        .contains("1.34");
  }

  @Test
  void build_neitherGivenNorMade_namesBothFields() {
    assertThat(
            violations(
                ClusterBlueprint.builder().cluster(ClusterSpec.builder().name("orders").build())))
        .extracting(Violation::field, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("cluster.roleArn", "one-role"), tuple("cluster.subnetIds", "one-network"));
  }

  @Test
  void build_bothGivenAndMade_namesTheBlueprintsFields() {
    ClusterSpec given =
        ClusterSpec.builder()
            .name("orders")
            .roleArn(ROLE)
            .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
            .build();

    assertThat(violations(made().cluster(given)))
        .extracting(Violation::field, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("clusterRole", "one-role"), tuple("network", "one-network"));
  }

  @Test
  void build_specsOfAnotherCluster_namesEachByPath() {
    ClusterBlueprint.Builder builder =
        made()
            .network(NetworkSpec.builder().name("orders").clusterName("billing").build())
            .addAddons(
                AddonSpec.builder().clusterName("orders").name("vpc-cni").build(),
                AddonSpec.builder().clusterName("billing").name("coredns").build())
            .addParts(new Part("billing", "general", true, List.of()));

    assertThat(violations(builder))
        .extracting(Violation::field, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("network.clusterName", "same-cluster"),
            tuple("addons[1].clusterName", "same-cluster"),
            tuple("parts[0].clusterName", "same-cluster"));
  }

  @Test
  void build_duplicateNamesAndRoles_namesTheSecondOfEach() {
    WorkloadRoleSpec role = WorkloadRoleSpec.builder().name("orders-cluster").build();
    ClusterBlueprint.Builder builder =
        made()
            .addAddons(
                AddonSpec.builder().clusterName("orders").name("vpc-cni").build(),
                AddonSpec.builder().clusterName("orders").name("vpc-cni").build())
            .addServiceAccountRoles(
                ServiceAccountRoleSpec.builder()
                    .clusterName("orders")
                    .namespace("kube-system")
                    .serviceAccount("ebs")
                    .role(role)
                    .build())
            .addParts(Part.linux("general"), Part.linux("general"));

    assertThat(violations(builder))
        .extracting(Violation::field, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("addons[1]", "unique"),
            tuple("parts[1]", "unique"),
            tuple("serviceAccountRoles[0].role.name", "unique-role"));
  }

  @Test
  void build_partBreaksItsRules_prefixesTheirFieldsWithThePartsPath() {
    Violation broken = new Violation("ami.family", "version", "AL2 stops at 1.32");
    ClusterBlueprint.Builder builder =
        made()
            .addParts(
                Part.linux("general"),
                new Part("orders", "windows", false, List.of()),
                new Part("orders", "old", true, List.of(broken)));

    assertThat(violations(builder))
        .extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("parts[2].ami.family", "version"));
    assertThat(violations(made().addParts(new Part("orders", "windows", false, List.of()))))
        .extracting(Violation::field, Violation::rule)
        .containsExactly(tuple("parts[0].ami", "windows-needs-linux-capacity"));
  }

  @Test
  void build_autoModeWithoutItsRolePolicies_namesTheRoleAndNodeRole() {
    ClusterBlueprint.Builder builder =
        made()
            .cluster(
                ClusterSpec.builder().name("orders").autoMode(AutoMode.builder().build()).build());

    assertThat(violations(builder))
        .extracting(Violation::field, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("clusterRole.autoMode", "auto-mode"),
            tuple("cluster.autoMode.nodeRoleArn", "required"));
  }

  @Test
  void clusterCreate_specWithoutRoleOrSubnets_isRefusedBeforeAnyCall() {
    ClusterSpec partial = ClusterSpec.builder().name("orders").build();

    try (EksKit kit = EksKit.builder().region(Region.US_EAST_1).build()) {
      assertThatThrownBy(() -> kit.clusters().create(partial))
          .isInstanceOfSatisfying(
              InvalidSpecException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field, Violation::rule)
                      .containsExactlyInAnyOrder(
                          tuple("roleArn", "required"), tuple("subnetIds", "required")));
    }
  }

  @Test
  void build_addonNamesABlueprintRoleOfTheWrongKind_namesTheField() {
    String arn = "arn:aws:iam::123456789012:role/";
    ClusterBlueprint.Builder builder =
        made()
            .nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
            .addServiceAccountRoles(
                ServiceAccountRoleSpec.builder()
                    .clusterName("orders")
                    .namespace("kube-system")
                    .serviceAccount("ebs-csi-controller-sa")
                    .role(WorkloadRoleSpec.builder().name("orders-ebs").build())
                    .build())
            .addAddons(
                AddonSpec.builder()
                    .clusterName("orders")
                    .name("aws-ebs-csi-driver")
                    .serviceAccountRoleArn(arn + "orders-ebs")
                    .build(),
                AddonSpec.builder()
                    .clusterName("orders")
                    .name("vpc-cni")
                    .serviceAccountRoleArn(arn + "orders-nodes")
                    .addPodIdentityAssociations(
                        new AddonPodIdentity("aws-node", arn + "orders-ebs"))
                    .build());

    assertThat(violations(builder))
        .extracting(Violation::field, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple("addons[1].serviceAccountRoleArn", "irsa-role"),
            tuple("addons[1].podIdentityAssociations[0].roleArn", "pod-identity-role"));
  }
}
