package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.AutoMode;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.Violation;
import dev.ekskit.core.WorkloadRoleSpec;
import dev.ekskit.simulator.Call;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.LogType;

/** A whole cluster through {@code kit.blueprints()}: plan and apply on the simulated AWS. */
class BlueprintSimTest extends SimulationTest {
  static final String CLUSTER = "orders";
  static final String ADMINS = "arn:aws:iam::123456789012:role/platform-admins";

  /** Everything core makes: network, roles, cluster, add-ons, access, IRSA and Pod Identity. */
  static ClusterBlueprint.Builder blueprint() {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name(CLUSTER).kubernetesVersion("1.33").build())
        .network(NetworkSpec.builder().name(CLUSTER).build())
        .clusterRole(ClusterRoleSpec.builder().name("orders-cluster").build())
        .nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
        .addAddons(addon("vpc-cni"), addon("kube-proxy"), addon("coredns"))
        .addAccessEntries(admins().build())
        .addServiceAccountRoles(
            ServiceAccountRoleSpec.builder()
                .clusterName(CLUSTER)
                .namespace("kube-system")
                .serviceAccount("ebs-csi-controller-sa")
                .role(
                    WorkloadRoleSpec.builder()
                        .name("orders-ebs-csi")
                        .addManagedPolicyArns(
                            "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy")
                        .build())
                .build())
        .addPodIdentityAssociations(
            PodIdentityAssociationSpec.builder()
                .clusterName(CLUSTER)
                .namespace("orders")
                .serviceAccount("api")
                .role(WorkloadRoleSpec.builder().name("orders-api").build())
                .build());
  }

  static AddonSpec addon(String name) {
    return AddonSpec.builder().clusterName(CLUSTER).name(name).build();
  }

  static AccessEntrySpec.Builder admins() {
    return AccessEntrySpec.builder()
        .clusterName(CLUSTER)
        .principalArn(ADMINS)
        .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSClusterAdminPolicy"));
  }

  private long succeeded(String operation) {
    return aws.calls().all().stream()
        .filter(c -> c.operation().equals(operation) && c.succeeded())
        .count();
  }

  @Test
  void plan_emptyAccount_createsEverythingAndResolvesWithoutMutating() {
    aws.calls().clear();

    Plan plan = kit.blueprints().plan(blueprint().build());

    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(plan.changes()).allMatch(change -> change.action() == PlanAction.CREATE);
    assertThat(plan.changes())
        .extracting(PlannedChange::kind)
        .containsExactly(
            "network",
            "cluster role",
            "node role",
            "cluster",
            "IRSA role",
            "add-on",
            "add-on",
            "access entry",
            "add-on",
            "pod identity association");
    assertThat(plan.find("network", CLUSTER).orElseThrow().note()).startsWith("zones us-east-1a");
    assertThat(plan.find("add-on", "vpc-cni").orElseThrow().note()).startsWith("v");
    assertThat(plan.render()).startsWith("Plan for cluster orders (Kubernetes 1.33): 10 to create");
  }

  @Test
  void plan_noVersionNamed_resolvesEksDefault() {
    ClusterBlueprint blueprint =
        blueprint().cluster(ClusterSpec.builder().name(CLUSTER).build()).build();

    Plan plan = kit.blueprints().plan(blueprint);

    assertThat(plan.kubernetesVersion())
        .isEqualTo(kit.clusters().versions().defaultVersion().orElseThrow().version());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void apply_fromNothing_makesEachOnceTaggedAndPlanThenShowsNoChange(Path path) {
    AppliedBlueprint applied = path.finish(kit.blueprints().apply(blueprint().build()));

    assertThat(applied.cluster().status()).isEqualTo(ClusterStatus.ACTIVE);
    assertThat(applied.cluster().statusAsString()).isEqualTo("ACTIVE");
    assertThat(applied.cluster().tags()).containsEntry("ekskit.dev/blueprint", CLUSTER);
    assertThat(applied.network()).isPresent();
    assertThat(applied.changes(PlanAction.CREATE)).hasSize(10);
    for (String create : List.of("CreateCluster", "CreateVpc", "CreatePodIdentityAssociation")) {
      assertThat(succeeded(create)).as(create).isEqualTo(1);
    }
    assertThat(succeeded("CreateAddon")).isEqualTo(4); // the three, and Pod Identity's agent
    assertThat(
            aws.eks()
                .describeAddon(r -> r.clusterName(CLUSTER).addonName("coredns"))
                .addon()
                .tags())
        .containsEntry("ekskit.dev/blueprint", CLUSTER);
    aws.calls().clear();
    Plan again = kit.blueprints().plan(blueprint().build());
    assertThat(again.hasChanges()).as(again.render()).isFalse();
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void apply_again_changesNothing() {
    kit.blueprints().apply(blueprint().build()).join();
    aws.calls().clear();

    AppliedBlueprint again = kit.blueprints().apply(blueprint().build()).join();

    assertThat(again.changes()).allMatch(change -> change.action() == PlanAction.NO_CHANGE);
    assertThat(aws.calls().all()).filteredOn(Call::mutating).isEmpty();
  }

  @Test
  void plan_partlyApplied_createsOnlyWhatIsMissing() {
    kit.blueprints()
        .apply(
            blueprint()
                .addons(List.of())
                .accessEntries(List.of())
                .podIdentityAssociations(List.of())
                .build())
        .join();

    Plan plan = kit.blueprints().plan(blueprint().build());

    assertThat(plan.changes(PlanAction.CREATE))
        .extracting(PlannedChange::kind, PlannedChange::name)
        .containsExactly(
            tuple("add-on", "vpc-cni"),
            tuple("add-on", "kube-proxy"),
            tuple("access entry", ADMINS),
            tuple("add-on", "coredns"),
            tuple("pod identity association", "orders/api"));
    assertThat(plan.count(PlanAction.NO_CHANGE)).isEqualTo(5);
  }

  @Test
  void plan_driftedOutsideEkskit_showsUpdatesThatApplyRepairs() {
    kit.blueprints().apply(blueprint().build()).join();
    kit.clusters()
        .updateConfig(
            CLUSTER, ClusterConfigUpdate.builder().enabledLogTypes(Set.of(LogType.AUDIT)).build())
        .join();
    kit.access().disassociate(CLUSTER, ADMINS, "AmazonEKSClusterAdminPolicy").join();

    Plan drifted = kit.blueprints().plan(blueprint().build());

    assertThat(drifted.changes(PlanAction.UPDATE))
        .extracting(PlannedChange::kind, change -> change.differences().get(0).field())
        .containsExactlyInAnyOrder(
            tuple("cluster", "logTypes"), tuple("access entry", "accessPolicies"));
    assertThat(drifted.render()).contains("~ update", "logTypes: [audit] → []");
    kit.blueprints().apply(blueprint().build()).join();
    assertThat(kit.blueprints().plan(blueprint().build()).hasChanges()).isFalse();
  }

  @Test
  void apply_changedBlueprint_updatesInPlaceWhatEksChanges() {
    kit.blueprints().apply(blueprint().build()).join();
    ClusterBlueprint changed =
        blueprint()
            .cluster(
                ClusterSpec.builder()
                    .name(CLUSTER)
                    .kubernetesVersion("1.33")
                    .addLogTypes(LogType.API, LogType.AUDIT)
                    .endpointPrivateAccess(true)
                    .build())
            .accessEntries(List.of(admins().addKubernetesGroups("auditors").build()))
            .build();
    aws.calls().clear();

    AppliedBlueprint applied = kit.blueprints().apply(changed).join();

    assertThat(applied.changes(PlanAction.UPDATE))
        .extracting(PlannedChange::kind)
        .containsExactlyInAnyOrder("cluster", "access entry");
    assertThat(aws.calls().count("UpdateClusterConfig")).isEqualTo(2); // logging, then endpoint
    assertThat(aws.calls().count("UpdateAccessEntry")).isEqualTo(1);
    assertThat(aws.calls().count("CreateCluster")).isZero();
    assertThat(kit.blueprints().plan(changed).hasChanges()).isFalse();
  }

  @Test
  void apply_immutableClusterField_isRefusedBeforeAnyChange() {
    kit.blueprints().apply(blueprint().build()).join();
    ClusterBlueprint moved =
        blueprint()
            .cluster(
                ClusterSpec.builder()
                    .name(CLUSTER)
                    .kubernetesVersion("1.33")
                    .serviceIpv4Cidr("172.20.0.0/16")
                    .build())
            .addAddons(addon("metrics-server"))
            .build();
    aws.calls().clear();

    assertThatThrownBy(() -> kit.blueprints().apply(moved).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("cluster orders: serviceIpv4Cidr"));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void apply_addonRemovedFromBlueprint_deletesItOnlyIfTheBlueprintMadeIt() {
    kit.blueprints().apply(blueprint().addAddons(addon("metrics-server")).build()).join();
    kit.addons().create(addon("aws-ebs-csi-driver")).join(); // made outside the blueprint

    Plan plan = kit.blueprints().plan(blueprint().build());
    AppliedBlueprint applied = kit.blueprints().apply(blueprint().build()).join();

    assertThat(plan.changes(PlanAction.DELETE))
        .extracting(PlannedChange::kind, PlannedChange::name)
        .containsExactly(tuple("add-on", "metrics-server"));
    assertThat(applied.changes(PlanAction.DELETE)).hasSize(1);
    assertThat(kit.addons().list(CLUSTER))
        .contains("aws-ebs-csi-driver")
        .doesNotContain("metrics-server");
  }

  @Test
  void plan_addonNamesARoleNobodyMakes_failsBeforeAnyChange() {
    ClusterBlueprint blueprint =
        blueprint()
            .addAddons(
                AddonSpec.builder()
                    .clusterName(CLUSTER)
                    .name("aws-ebs-csi-driver")
                    .serviceAccountRoleArn("arn:aws:iam::123456789012:role/missing")
                    .build())
            .build();
    aws.calls().clear();

    assertThatThrownBy(() -> kit.blueprints().apply(blueprint).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("addons[3].serviceAccountRoleArn", "role-exists")));
    assertThat(aws.calls().all()).noneMatch(Call::mutating);
  }

  @Test
  void plan_addonNamesTheBlueprintsIrsaRole_isFine() {
    ClusterBlueprint blueprint =
        blueprint()
            .addAddons(
                AddonSpec.builder()
                    .clusterName(CLUSTER)
                    .name("aws-ebs-csi-driver")
                    .serviceAccountRoleArn("arn:aws:iam::123456789012:role/orders-ebs-csi")
                    .build())
            .build();

    AppliedBlueprint applied = kit.blueprints().apply(blueprint).join();

    assertThat(
            kit.addons()
                .describe(CLUSTER, "aws-ebs-csi-driver")
                .orElseThrow()
                .serviceAccountRoleArn())
        .contains("arn:aws:iam::123456789012:role/orders-ebs-csi");
    assertThat(applied.changes(PlanAction.CREATE)).hasSize(11);
  }

  @Test
  void apply_failingAfterChanges_namesWhatExistsAndHowToRemoveIt_thenFinishesWhenRunAgain() {
    aws.faults().failAddonCreate(CLUSTER, "coredns");

    assertThatThrownBy(() -> kit.blueprints().apply(blueprint().build()).join())
        .isInstanceOfSatisfying(
            PartialCreationException.class,
            e -> {
              assertThat(e.existing())
                  .extracting(ResourceRef::kind)
                  .contains("network", "cluster role", "node role", "cluster", "access entry")
                  .doesNotContain("pod identity association");
              assertThat(e.cleanup()).contains("kit.blueprints().delete(\"orders\")");
              assertThat(e.getCause()).isInstanceOf(ResourceFailedException.class);
            });

    kit.addons().delete(CLUSTER, "coredns").join();
    kit.blueprints().apply(blueprint().build()).join();
    assertThat(kit.blueprints().plan(blueprint().build()).hasChanges()).isFalse();
    assertThat(succeeded("CreateCluster")).isEqualTo(1);
  }

  @Test
  void apply_autoModeCluster_getsTheNodeRoleTheBlueprintMakes() {
    ClusterBlueprint blueprint =
        ClusterBlueprint.builder()
            .cluster(
                ClusterSpec.builder()
                    .name(CLUSTER)
                    .kubernetesVersion("1.33")
                    .autoMode(AutoMode.builder().build())
                    .build())
            .network(NetworkSpec.builder().name(CLUSTER).build())
            .clusterRole(ClusterRoleSpec.builder().name("orders-cluster").autoMode(true).build())
            .nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
            .build();

    AppliedBlueprint applied = kit.blueprints().apply(blueprint).join();

    assertThat(applied.cluster().sdkCluster().computeConfig().nodeRoleArn())
        .isEqualTo("arn:aws:iam::123456789012:role/orders-nodes");
    assertThat(kit.blueprints().plan(blueprint).hasChanges()).isFalse();
  }
}
