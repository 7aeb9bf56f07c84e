package dev.ekskit.fargate.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.simulator.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eks.model.FargateProfile;

/** Fargate profiles as blueprint parts: planned, created, replaced and deleted by the blueprint. */
class FargateBlueprintSimTest extends FargateBlueprintTest {

  private PlannedChange line(Plan plan, String name) {
    return plan.find(KIND, name).orElseThrow();
  }

  @Test
  void plan_emptyAccount_createWithTheRoleAndSubnetsToMakeAndNoMutatingCall() {
    Plan plan = kit.blueprints().plan(blueprint(profile("batch", "batch")));

    PlannedChange batch = line(plan, "batch");
    assertThat(batch.action()).isEqualTo(PlanAction.CREATE);
    assertThat(batch.note())
        .contains(POD_ROLE + " (made)")
        .contains("the network's private subnets");
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void plan_afterApply_noChangeNamingTheSubnets() {
    AppliedBlueprint applied = kit.blueprints().apply(blueprint(profile("batch", "batch"))).join();
    aws.calls().clear();

    Plan plan = kit.blueprints().plan(blueprint(profile("batch", "batch")));

    assertThat(line(plan, "batch").action()).isEqualTo(PlanAction.NO_CHANGE);
    assertThat(line(plan, "batch").note())
        .contains(applied.network().orElseThrow().privateSubnetIds().values());
    assertThat(plan.hasChanges()).isFalse();
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void plan_selectorsDrifted_replaceRequiredNamingSelectors() {
    kit.blueprints().apply(blueprint(profile("batch", "batch"))).join();
    aws.calls().clear();

    Plan plan = kit.blueprints().plan(blueprint(profile("batch", "jobs")));

    assertThat(line(plan, "batch").action()).isEqualTo(PlanAction.REPLACE_REQUIRED);
    assertThat(line(plan, "batch").differences())
        .extracting(FieldDifference::field)
        .containsExactly("selectors");
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void apply_fromNothing_profileInPrivateSubnetsWithTheMadeRoleAndTags() {
    AppliedBlueprint applied = kit.blueprints().apply(blueprint(profile("batch", "batch"))).join();

    FargateProfile batch = describe("batch");
    assertThat(batch.statusAsString()).isEqualTo("ACTIVE");
    assertThat(batch.podExecutionRoleArn()).isEqualTo(podRole().arn());
    assertThat(batch.subnets())
        .containsExactlyInAnyOrderElementsOf(
            applied.network().orElseThrow().privateSubnetIds().values());
    assertThat(batch.tags())
        .containsEntry(Tags.BLUEPRINT, CLUSTER)
        .containsEntry(Tags.CLUSTER, CLUSTER);
    assertThat(podRoleTags())
        .containsEntry(Tags.BLUEPRINT, CLUSTER)
        .containsEntry(Tags.CLUSTER, CLUSTER);
    assertThat(podRolePolicies())
        .containsExactly("arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy");
    assertThat(applied.changes())
        .filteredOn(change -> change.kind().equals(KIND))
        .extracting(PlannedChange::action)
        .containsExactly(PlanAction.CREATE);
  }

  @Test
  void apply_selectorsDrifted_refusedWithConflictAndNoMutatingCall() {
    kit.blueprints().apply(blueprint(profile("batch", "batch"))).join();
    aws.calls().clear();

    assertThatThrownBy(() -> kit.blueprints().apply(blueprint(profile("batch", "jobs"))).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly(KIND + " batch: selectors"));
    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(describe("batch").selectors())
        .extracting(s -> s.namespace())
        .containsExactly("batch");
  }

  @Test
  void apply_selectorsDriftedAndReplacementAllowed_deletedThenCreatedAgain() {
    kit.blueprints().apply(blueprint(profile("batch", "batch"))).join();
    aws.calls().clear();

    AppliedBlueprint applied =
        kit.blueprints()
            .apply(
                blueprint(profile("batch", "jobs")),
                ApplyOptions.builder().allowReplacement(true).build())
            .join();

    assertThat(describe("batch").selectors())
        .extracting(s -> s.namespace())
        .containsExactly("jobs");
    assertThat(describe("batch").statusAsString()).isEqualTo("ACTIVE");
    assertThat(aws.calls().all())
        .filteredOn(call -> call.mutating() && call.service().equals("Eks"))
        .extracting(Call::operation)
        .containsExactly("DeleteFargateProfile", "CreateFargateProfile");
    assertThat(applied.changes(PlanAction.REPLACE_REQUIRED))
        .extracting(PlannedChange::name)
        .containsExactly("batch");
  }

  @Test
  void apply_taggedProfileRemoved_deletedAndUntaggedOneUntouched() {
    AppliedBlueprint applied =
        kit.blueprints().apply(blueprint(profile("batch", "batch"), profile("web", "web"))).join();
    FargateProfiles.of(kit)
        .create(
            profile("manual", "manual").toBuilder()
                .podExecutionRoleArn(podRole().arn())
                .subnetIds(applied.network().orElseThrow().privateSubnetIds().values())
                .build())
        .join();

    Plan plan = kit.blueprints().plan(blueprint(profile("batch", "batch")));
    kit.blueprints().apply(blueprint(profile("batch", "batch"))).join();

    assertThat(line(plan, "web").action()).isEqualTo(PlanAction.DELETE);
    assertThat(plan.find(KIND, "manual")).isEmpty();
    assertThat(profileNames()).containsExactly("batch", "manual");
  }

  @ParameterizedTest(name = "computeParallelism {0}")
  @ValueSource(ints = {2, 4})
  void apply_fourProfiles_createdOneAtATimeInBlueprintOrderWithOneRole(int parallelism) {
    List<String> names = List.of("p0", "p1", "p2", "p3");
    // p0's compare is retried after a 500: profiles that compared before their turn would pass it.
    aws.faults().failNext("DescribeFargateProfile", 500);

    kit.blueprints()
        .apply(
            blueprint(names.stream().map(n -> profile(n, n)).toArray(FargateProfileSpec[]::new)),
            ApplyOptions.builder().computeParallelism(parallelism).build())
        .join();

    List<Span> spans = spans();
    assertThat(spans).extracting(Span::profile).containsExactlyElementsOf(names);
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i).start()).isAfterOrEqualTo(spans.get(i - 1).end());
    }
    assertThat(aws.calls().all())
        .filteredOn(call -> call.operation().equals("CreateRole") && call.succeeded())
        .hasSize(2); // the cluster role and the pod execution role
    assertThat(aws.calls().all()).noneMatch(c -> "ResourceInUseException".equals(c.errorCode()));
  }

  @Test
  void delete_blueprintWithProfiles_leavesNoProfileNorRole() {
    kit.blueprints().apply(blueprint(profile("batch", "batch"), profile("web", "web"))).join();

    kit.blueprints().delete(blueprint(profile("batch", "batch"), profile("web", "web"))).join();

    assertThat(roleNames()).doesNotContain(POD_ROLE).isEmpty();
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }

  /** When a profile's create started and its wait for ACTIVE ended. */
  private record Span(String profile, Instant start, Instant end) {}

  private List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    for (ProgressEvent.StepStarted started : eventsOf(ProgressEvent.StepStarted.class)) {
      if (!started.step().equals("create")
          || !started.resource().kind().equals("fargate-profile")) {
        continue;
      }
      Instant end =
          eventsOf(ProgressEvent.StepSucceeded.class).stream()
              .filter(
                  s -> s.resource().equals(started.resource()) && s.step().equals("wait ACTIVE"))
              .map(ProgressEvent.StepSucceeded::at)
              .findFirst()
              .orElseThrow();
      String name = started.resource().name();
      spans.add(new Span(name.substring(name.indexOf('/') + 1), started.at(), end));
    }
    return spans;
  }

  private <E extends ProgressEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
