package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.AmiSource;
import dev.ekskit.nodes.NodeTaint;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.Taint;

/** Managed node groups as parts of a blueprint: planned, created, updated, replaced, deleted. */
class ManagedNodegroupBlueprintSimTest extends BlueprintSimulationTest {

  @Test
  void plan_emptyAccount_createsWithoutMutating() {
    Plan plan = kit.blueprints().plan(blueprint(managed("general").build()));

    PlannedChange general = line(plan, MANAGED, "general");
    assertThat(general.action()).isEqualTo(PlanAction.CREATE);
    assertThat(general.note()).contains("AL2023_x86_64_STANDARD", "Kubernetes 1.33");
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void apply_fromNothing_createsTaggedGroupThenPlanShowsNoChange() {
    ClusterBlueprint blueprint = blueprint(managed("general").putTags("team", "orders").build());

    kit.blueprints().apply(blueprint).join();

    Nodegroup group = describe("general");
    assertThat(group.statusAsString()).isEqualTo("ACTIVE");
    assertThat(group.tags()).containsEntry(Tags.BLUEPRINT, CLUSTER).containsEntry("team", "orders");
    assertThat(action(kit.blueprints().plan(blueprint), MANAGED, "general"))
        .isEqualTo(PlanAction.NO_CHANGE);
  }

  @Test
  void apply_partLeavesOutSubnetsAndRole_getsThoseTheBlueprintMakes() {
    ClusterBlueprint blueprint =
        ClusterBlueprint.builder()
            .cluster(blueprint().cluster().toBuilder().subnetIds(List.of()).build())
            .network(NetworkSpec.builder().name(CLUSTER).build())
            .nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
            .addParts(NodegroupSpec.builder().clusterName(CLUSTER).name("general").build())
            .build();

    AppliedBlueprint applied = kit.blueprints().apply(blueprint).join();

    Nodegroup group = describe("general");
    assertThat(group.nodeRole()).endsWith(":role/orders-nodes");
    assertThat(group.subnets())
        .isNotEmpty()
        .isSubsetOf(applied.network().orElseThrow().subnetIds());
    assertThat(kit.blueprints().plan(blueprint).hasChanges()).isFalse();
  }

  @Test
  void plan_scalingChanged_updatesInPlaceThroughOneConfigUpdate() {
    kit.blueprints().apply(blueprint(managed("general").build())).join();
    ClusterBlueprint scaled =
        blueprint(managed("general").minSize(2).desiredSize(2).maxSize(6).build());

    PlannedChange change = line(kit.blueprints().plan(scaled), MANAGED, "general");
    assertThat(change.action()).isEqualTo(PlanAction.UPDATE);
    assertThat(change.differences())
        .extracting(d -> d.field())
        .containsExactlyInAnyOrder("minSize", "maxSize");
    aws.calls().clear();

    kit.blueprints().apply(scaled).join();

    assertThat(mutatingCalls()).containsExactly("UpdateNodegroupConfig");
    var scaling = describe("general").scalingConfig();
    assertThat(List.of(scaling.minSize(), scaling.desiredSize(), scaling.maxSize()))
        .containsExactly(2, 2, 6);
  }

  @Test
  void plan_desiredSizeWithinTheRange_isNoDifference_outsideItIsClamped() {
    kit.blueprints().apply(blueprint(managed("general").build())).join();
    Nodegroups.of(kit)
        .managed()
        .scale(CLUSTER, "general", s -> s.minSize(1).desiredSize(4).maxSize(4))
        .join();

    assertThat(
            action(
                kit.blueprints().plan(blueprint(managed("general").build())), MANAGED, "general"))
        .as("an autoscaler moved it to 4, within 1..4")
        .isEqualTo(PlanAction.NO_CHANGE);

    kit.blueprints().apply(blueprint(managed("general").desiredSize(1).maxSize(3).build())).join();

    assertThat(describe("general").scalingConfig().desiredSize()).isEqualTo(3);
  }

  @Test
  void apply_instanceTypesChanged_refusedBeforeAnyChange() {
    kit.blueprints().apply(blueprint(managed("general").build())).join();
    ClusterBlueprint other =
        blueprint(managed("general").instanceTypes(List.of("m6i.large")).maxSize(6).build());
    assertThat(action(kit.blueprints().plan(other), MANAGED, "general"))
        .isEqualTo(PlanAction.REPLACE_REQUIRED);
    aws.calls().clear();

    assertThatThrownBy(() -> kit.blueprints().apply(other).join())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("instanceTypes");

    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void apply_instanceTypesChangedAndReplacementAllowed_deletesAndCreatesAgain() {
    kit.blueprints().apply(blueprint(managed("general").build())).join();
    ClusterBlueprint other =
        blueprint(managed("general").instanceTypes(List.of("m6i.large")).build());
    aws.calls().clear();

    kit.blueprints().apply(other, ApplyOptions.builder().allowReplacement(true).build()).join();

    assertThat(mutatingCalls()).containsExactly("DeleteNodegroup", "CreateNodegroup");
    assertThat(describe("general").instanceTypes()).containsExactly("m6i.large");
  }

  @Test
  void apply_partRemoved_deletesItWhenItCarriesTheBlueprintsTag() {
    kit.blueprints().apply(blueprint(managed("general").build(), managed("batch").build())).join();
    Nodegroups.of(kit).managed().create(managed("outsider").build()).join();
    ClusterBlueprint smaller = blueprint(managed("general").build());

    Plan plan = kit.blueprints().plan(smaller);
    assertThat(plan.changes(PlanAction.DELETE))
        .extracting(change -> change.kind() + " " + change.name())
        .containsExactly(MANAGED + " batch");

    kit.blueprints().apply(smaller).join();

    assertThat(aws.eks().listNodegroups(r -> r.clusterName(CLUSTER)).nodegroups())
        .containsExactlyInAnyOrder("general", "outsider");
  }

  @Test
  void plan_labelsTaintsAndUpdateLimitChanged_updatesInPlace() {
    kit.blueprints().apply(blueprint(managed("general").putLabels("tier", "web").build())).join();
    ClusterBlueprint changed =
        blueprint(
            managed("general")
                .putLabels("tier", "api")
                .addTaints(NodeTaint.of("dedicated", "api", NodeTaint.Effect.NO_SCHEDULE))
                .maxUnavailablePercentage(25)
                .build());

    PlannedChange change = line(kit.blueprints().plan(changed), MANAGED, "general");
    assertThat(change.action()).isEqualTo(PlanAction.UPDATE);
    assertThat(change.differences())
        .extracting(d -> d.field())
        .containsExactlyInAnyOrder("labels", "taints", "maxUnavailablePercentage");
    aws.calls().clear();

    kit.blueprints().apply(changed).join();

    assertThat(mutatingCalls()).containsExactly("UpdateNodegroupConfig");
    Nodegroup group = describe("general");
    assertThat(group.labels()).isEqualTo(Map.of("tier", "api"));
    assertThat(group.taints()).extracting(Taint::key).containsExactly("dedicated");
    assertThat(group.updateConfig().maxUnavailablePercentage()).isEqualTo(25);
    assertThat(kit.blueprints().plan(changed).hasChanges()).isFalse();
  }

  @Test
  void plan_pinnedReleaseAndVolume_differencesNameAmiSourceAndVolumeGib() {
    kit.blueprints().apply(blueprint(managed("general").build())).join();
    ClusterBlueprint pinned =
        blueprint(managed("general").amiSource(AmiSource.release("1.33.5-20251101")).build());
    ClusterBlueprint resized = blueprint(managed("general").volumeGib(80).build());

    assertThat(line(kit.blueprints().plan(pinned), MANAGED, "general").differences())
        .extracting(d -> d.field() + ": " + d.wanted())
        .containsExactly("amiSource: release 1.33.5-20251101");
    assertThat(line(kit.blueprints().plan(resized), MANAGED, "general").differences())
        .extracting(d -> d.field())
        .containsExactly("volumeGib");
    aws.calls().clear();

    kit.blueprints().apply(pinned).join();

    assertThat(mutatingCalls()).containsExactly("UpdateNodegroupVersion");
    assertThat(describe("general").releaseVersion()).isEqualTo("1.33.5-20251101");
    assertThat(kit.blueprints().plan(pinned).hasChanges()).isFalse();
  }

  @Test
  void apply_groupMadeOutsideTheBlueprint_getsTheBlueprintsTag() {
    kit.blueprints().apply(blueprint()).join();
    Nodegroups.of(kit).managed().create(managed("general").build()).join();
    ClusterBlueprint blueprint = blueprint(managed("general").build());
    assertThat(line(kit.blueprints().plan(blueprint), MANAGED, "general").differences())
        .extracting(d -> d.field())
        .containsExactly("tags");

    kit.blueprints().apply(blueprint).join();

    assertThat(describe("general").tags()).containsEntry(Tags.BLUEPRINT, CLUSTER);
  }

  private Nodegroup describe(String name) {
    return aws.eks().describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(name)).nodegroup();
  }
}
