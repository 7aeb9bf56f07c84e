package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.NodeTaint;
import dev.ekskit.nodes.Nodegroups;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * Self-managed node groups as parts of a blueprint: the Auto Scaling group changed in place, what
 * lives in the launch template through a new version and an instance refresh.
 */
class SelfManagedBlueprintSimTest extends BlueprintSimulationTest {

  @Test
  void plan_emptyAccount_createsWithTheResolvedAmiWithoutMutating() {
    Plan plan = kit.blueprints().plan(blueprint(selfManaged("batch").build()));

    PlannedChange batch = line(plan, SELF_MANAGED, "batch");
    assertThat(batch.action()).isEqualTo(PlanAction.CREATE);
    assertThat(batch.note()).startsWith("ami-").contains("Kubernetes 1.33");
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void apply_fromNothing_createsTaggedGroupThenPlanShowsNoChange() {
    ClusterBlueprint blueprint = blueprint(selfManaged("batch").build());

    kit.blueprints().apply(blueprint).join();

    assertThat(tags(group())).containsEntry(Tags.BLUEPRINT, CLUSTER);
    assertThat(Templates.instanceTags(aws, "orders-batch", "$Default"))
        .containsEntry("ekskit.dev/kubernetes-version", "1.33");
    assertThat(kit.blueprints().plan(blueprint).hasChanges()).isFalse();
  }

  @Test
  void apply_scalingAndSubnetsChanged_updatesTheGroupInPlace() {
    kit.blueprints().apply(blueprint(selfManaged("batch").build())).join();
    ClusterBlueprint changed =
        blueprint(selfManaged("batch").subnetIds(subnets.subList(0, 1)).maxSize(6).build());
    assertThat(line(kit.blueprints().plan(changed), SELF_MANAGED, "batch").differences())
        .extracting(d -> d.field())
        .containsExactlyInAnyOrder("subnetIds", "maxSize");
    aws.calls().clear();

    kit.blueprints().apply(changed).join();

    assertThat(mutatingCalls()).containsExactly("UpdateAutoScalingGroup");
    assertThat(group().vpcZoneIdentifier()).isEqualTo(subnets.get(0));
    assertThat(group().maxSize()).isEqualTo(6);
    assertThat(kit.blueprints().plan(changed).hasChanges()).isFalse();
  }

  @Test
  void apply_instanceTypesAdded_movesTheGroupToAMixedInstancesPolicy() {
    kit.blueprints().apply(blueprint(selfManaged("batch").build())).join();
    ClusterBlueprint mixed = blueprint(selfManaged("batch").addInstanceTypes("m6i.large").build());
    aws.calls().clear();

    kit.blueprints().apply(mixed).join();

    assertThat(mutatingCalls()).containsExactly("UpdateAutoScalingGroup");
    assertThat(group().mixedInstancesPolicy().launchTemplate().overrides())
        .extracting(o -> o.instanceType())
        .containsExactly("m5.large", "m6i.large");
    assertThat(kit.blueprints().plan(mixed).hasChanges()).isFalse();
  }

  @Test
  void apply_labelsChanged_newTemplateVersionAndAnInstanceRefresh() {
    kit.blueprints().apply(blueprint(selfManaged("batch").putLabels("tier", "web").build())).join();
    ClusterBlueprint relabelled =
        blueprint(
            selfManaged("batch")
                .putLabels("tier", "api")
                .addTaints(NodeTaint.parse("dedicated=batch:NoSchedule"))
                .build());
    assertThat(line(kit.blueprints().plan(relabelled), SELF_MANAGED, "batch").differences())
        .extracting(d -> d.field())
        .containsExactly("userData");
    aws.calls().clear();

    kit.blueprints().apply(relabelled).join();

    assertThat(mutatingCalls())
        .containsExactly(
            "CreateLaunchTemplateVersion", "ModifyLaunchTemplate", "StartInstanceRefresh");
    assertThat(Templates.userData(aws, "orders-batch", "$Default")).contains("tier=api");
    assertThat(Templates.instanceVersions(group())).containsOnly("2");
    assertThat(kit.blueprints().plan(relabelled).hasChanges()).isFalse();
  }

  @Test
  void apply_refreshFails_typedErrorNamingTheGroupAndTheReason() {
    kit.blueprints().apply(blueprint(selfManaged("batch").build())).join();
    aws.faults().failInstanceRefresh("orders-batch", "Instances failed to launch: quota");

    assertThatThrownBy(
            () ->
                kit.blueprints().apply(blueprint(selfManaged("batch").maxPods(58).build())).join())
        .isInstanceOf(PartialCreationException.class)
        .cause()
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.resource().name()).contains("batch");
              assertThat(e.status()).isEqualTo("instance refresh Failed");
              assertThat(e.issues())
                  .singleElement()
                  .satisfies(
                      issue -> {
                        assertThat(issue.message()).contains("quota");
                        assertThat(issue.resourceIds()).containsExactly("orders-batch");
                      });
            });
  }

  @Test
  void apply_nodeRoleChanged_refusedBeforeAnyChange() {
    kit.blueprints().apply(blueprint(selfManaged("batch").build())).join();
    String other = aws.createRole("other-node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy");
    ClusterBlueprint moved = blueprint(selfManaged("batch").nodeRoleArn(other).build());
    assertThat(action(kit.blueprints().plan(moved), SELF_MANAGED, "batch"))
        .isEqualTo(PlanAction.REPLACE_REQUIRED);
    aws.calls().clear();

    assertThatThrownBy(() -> kit.blueprints().apply(moved).join())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("nodeRoleArn");

    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void plan_groupMadeOutsideTheBlueprint_adoptedWithoutReplacingItsNodes() {
    kit.blueprints().apply(blueprint()).join();
    Nodegroups.of(kit).selfManaged().create(selfManaged("batch").build()).join();

    assertThat(
            action(
                kit.blueprints().plan(blueprint(selfManaged("batch").build())),
                SELF_MANAGED,
                "batch"))
        .isEqualTo(PlanAction.NO_CHANGE);
  }

  @Test
  void plan_groupOfThatNameEkskitDidNotMake_replaceRequiredNamingTheOwner() {
    kit.blueprints().apply(blueprint()).join();
    String template =
        aws.ec2()
            .createLaunchTemplate(
                r ->
                    r.launchTemplateName("theirs")
                        .launchTemplateData(
                            d -> d.imageId("ami-0123456789abcdef0").instanceType("m5.large")))
            .launchTemplate()
            .launchTemplateId();
    aws.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName("orders-batch")
                    .launchTemplate(t -> t.launchTemplateId(template).version("$Default"))
                    .minSize(0)
                    .desiredCapacity(0)
                    .maxSize(1)
                    .vpcZoneIdentifier(subnets.get(0)));

    PlannedChange batch =
        line(kit.blueprints().plan(blueprint(selfManaged("batch").build())), SELF_MANAGED, "batch");

    assertThat(batch.action()).isEqualTo(PlanAction.REPLACE_REQUIRED);
    assertThat(batch.differences()).extracting(d -> d.field()).containsExactly("owner");
  }

  @Test
  void apply_partRemoved_deletesItWhenItCarriesTheBlueprintsTag() {
    kit.blueprints()
        .apply(blueprint(selfManaged("batch").build(), selfManaged("web").build()))
        .join();
    Nodegroups.of(kit).selfManaged().create(selfManaged("outsider").build()).join();
    ClusterBlueprint smaller = blueprint(selfManaged("batch").build());

    assertThat(kit.blueprints().plan(smaller).changes(PlanAction.DELETE))
        .extracting(change -> change.kind() + " " + change.name())
        .containsExactly(SELF_MANAGED + " web");

    kit.blueprints().apply(smaller).join();

    assertThat(Leftovers.of(aws, CLUSTER).autoScalingGroups())
        .containsExactlyInAnyOrder("orders-batch", "orders-outsider");
    assertThat(Leftovers.of(aws, CLUSTER).launchTemplates())
        .containsExactlyInAnyOrder("orders-batch", "orders-outsider");
  }

  private AutoScalingGroup group() {
    return aws.autoScaling()
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("orders-batch"))
        .autoScalingGroups()
        .get(0);
  }

  private static Map<String, String> tags(AutoScalingGroup group) {
    return group.tags().stream()
        .collect(Collectors.toMap(TagDescription::key, TagDescription::value));
  }
}
