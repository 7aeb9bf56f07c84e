package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating call a blueprint's apply makes to bring an existing node group to its spec: AWS
 * acts and the answer is lost, or the process stops right after (the kit closes inside the call);
 * the same apply again, on a new kit as a restarted process would run it, finishes the job with
 * nothing made twice: one node group update each, one new launch template version, one instance
 * refresh, and a plan with no change left.
 */
class NodegroupBlueprintResumeSimTest extends BlueprintSimulationTest {

  /** Where a change starts from and what the blueprint then asks for. */
  private record Change(String call, Function<BlueprintSimulationTest, ClusterBlueprint> prepare) {
    @Override
    public String toString() {
      return call;
    }
  }

  static Stream<Arguments> changes() {
    return Stream.of(
            new Change(
                "UpdateNodegroupConfig",
                t -> {
                  t.kit.blueprints().apply(t.blueprint(t.managed("general").build())).join();
                  return t.blueprint(
                      t.managed("general").maxSize(6).putLabels("tier", "web").build());
                }),
            new Change(
                "UpdateNodegroupVersion",
                t -> {
                  t.kit
                      .blueprints()
                      .apply(t.blueprint("1.32", t.managed("general").build()))
                      .join();
                  return t.blueprint("1.33", t.managed("general").build());
                }),
            new Change(
                "TagResource",
                t -> {
                  t.kit.blueprints().apply(t.blueprint()).join();
                  Nodegroups.of(t.kit).managed().create(t.managed("general").build()).join();
                  return t.blueprint(t.managed("general").build());
                }),
            new Change(
                "UpdateAutoScalingGroup",
                t -> {
                  t.kit.blueprints().apply(t.blueprint(t.selfManaged("batch").build())).join();
                  return t.blueprint(t.selfManaged("batch").maxSize(6).build());
                }),
            new Change("CreateLaunchTemplateVersion", NodegroupBlueprintResumeSimTest::relabel),
            new Change("ModifyLaunchTemplate", NodegroupBlueprintResumeSimTest::relabel),
            new Change("StartInstanceRefresh", NodegroupBlueprintResumeSimTest::relabel))
        .map(Arguments::of);
  }

  private static ClusterBlueprint relabel(BlueprintSimulationTest t) {
    t.kit
        .blueprints()
        .apply(t.blueprint(t.selfManaged("batch").putLabels("tier", "web").build()))
        .join();
    return t.blueprint(t.selfManaged("batch").putLabels("tier", "api").build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void apply_answerLostAfterTheCall_finishesWithNothingTwice(Change change) {
    ClusterBlueprint wanted = change.prepare().apply(this);
    aws.faults().commitThenFail(change.call(), 500);

    kit.blueprints().apply(wanted).join();

    assertThat(aws.calls().count(change.call())).as("the faulted call was made").isPositive();
    assertDoneOnce(kit, wanted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void apply_stoppedRightAfterTheCall_runAgainFinishesWithNothingTwice(Change change) {
    ClusterBlueprint wanted = change.prepare().apply(this);
    aws.faults().afterCommit(change.call(), kit::close);
    assertThatThrownBy(() -> kit.blueprints().apply(wanted).join())
        .isInstanceOf(OperationCancelledException.class);
    assertThat(aws.calls().count(change.call())).isOne();

    try (EksKit restarted = SimulatedKit.create(aws)) {
      restarted.blueprints().apply(wanted).join();
      assertDoneOnce(restarted, wanted);
    }
  }

  @Test
  void apply_replacementStoppedRightAfterTheDelete_runAgainCreatesTheNewGroup() {
    kit.blueprints().apply(blueprint(managed("general").build())).join();
    ClusterBlueprint other =
        blueprint(managed("general").instanceTypes(List.of("m6i.large")).build());
    ApplyOptions replacing = ApplyOptions.builder().allowReplacement(true).build();
    aws.faults().afterCommit("DeleteNodegroup", kit::close);
    assertThatThrownBy(() -> kit.blueprints().apply(other, replacing).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      restarted.blueprints().apply(other, replacing).join();
      assertDoneOnce(restarted, other);
    }
    assertThat(
            aws.eks()
                .describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("general"))
                .nodegroup()
                .instanceTypes())
        .containsExactly("m6i.large");
  }

  private void assertDoneOnce(EksKit on, ClusterBlueprint wanted) {
    assertThat(on.blueprints().plan(wanted).hasChanges()).isFalse();
    List<String> groups = aws.eks().listNodegroups(r -> r.clusterName(CLUSTER)).nodegroups();
    for (String group : groups) {
      assertThat(aws.eks().listUpdates(r -> r.name(CLUSTER).nodegroupName(group)).updateIds())
          .as("updates of %s", group)
          .hasSizeLessThanOrEqualTo(1);
    }
    if (!Leftovers.of(aws, CLUSTER).launchTemplates().isEmpty()) {
      assertThat(Templates.versions(aws, "orders-batch")).isLessThanOrEqualTo(2);
      assertThat(
              aws.autoScaling()
                  .describeInstanceRefreshes(r -> r.autoScalingGroupName("orders-batch"))
                  .instanceRefreshes())
          .hasSizeLessThanOrEqualTo(1);
    }
  }
}
