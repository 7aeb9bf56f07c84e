package dev.ekskit.fargate.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.simulator.Call;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resumable means resumable: for every mutating call a blueprint makes for its Fargate profiles
 * (the pod execution role, its policy, the profiles; a replacement's delete and create; a removed
 * profile's delete), AWS acts and then the answer is lost, or the process stops right after;
 * applying the same blueprint again, on a new kit as a restarted process would, finishes the job
 * with one of each and nothing left of what was removed.
 */
class FargateBlueprintResumeSimTest extends FargateBlueprintTest {
  private static final ClusterBlueprint TWO_PROFILES =
      blueprint(profile("batch", "batch"), profile("web", "web"));
  private static final ClusterBlueprint WEB_REPLACED =
      blueprint(profile("batch", "batch"), profile("web", "shop"));
  private static final ClusterBlueprint WEB_REMOVED = blueprint(profile("batch", "batch"));
  private static final ApplyOptions REPLACING =
      ApplyOptions.builder().allowReplacement(true).build();

  /** The cluster, its network and role exist: what follows makes only the Fargate parts. */
  @BeforeEach
  void clusterWithoutProfiles() {
    kit.blueprints().apply(blueprint()).join();
    aws.calls().clear();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CreateRole", "AttachRolePolicy", "CreateFargateProfile"})
  void apply_answerLostAfterEachCall_finishesWithOneOfEach(String operation) {
    aws.faults().commitThenFail(operation, 500);

    kit.blueprints().apply(TWO_PROFILES).join();

    assertAnswerLost(operation);
    assertOneOfEach("web");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CreateRole", "AttachRolePolicy", "CreateFargateProfile"})
  void apply_stoppedRightAfterEachCall_applyAgainFinishesWithOneOfEach(String operation) {
    stopRightAfter(operation, () -> kit.blueprints().apply(TWO_PROFILES).join());

    try (EksKit restarted = newKit()) {
      restarted.blueprints().apply(TWO_PROFILES).join();
    }

    assertOneOfEach("web");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DeleteFargateProfile", "CreateFargateProfile"})
  void replace_answerLostAfterEachCall_finishesReplaced(String operation) {
    kit.blueprints().apply(TWO_PROFILES).join();
    aws.faults().commitThenFail(operation, 500);

    kit.blueprints().apply(WEB_REPLACED, REPLACING).join();

    assertAnswerLost(operation);
    assertOneOfEach("shop");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DeleteFargateProfile", "CreateFargateProfile"})
  void replace_stoppedRightAfterEachCall_applyAgainFinishesReplaced(String operation) {
    kit.blueprints().apply(TWO_PROFILES).join();
    aws.calls().clear();
    stopRightAfter(operation, () -> kit.blueprints().apply(WEB_REPLACED, REPLACING).join());

    try (EksKit restarted = newKit()) {
      restarted.blueprints().apply(WEB_REPLACED, REPLACING).join();
    }

    assertOneOfEach("shop");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(booleans = {false, true})
  void removal_deleteAnswerLostOrStoppedAfter_applyAgainLeavesOnlyTheKeptProfile(boolean stop) {
    kit.blueprints().apply(TWO_PROFILES).join();
    if (stop) {
      stopRightAfter("DeleteFargateProfile", () -> kit.blueprints().apply(WEB_REMOVED).join());
    } else {
      aws.faults().commitThenFail("DeleteFargateProfile", 500);
      kit.blueprints().apply(WEB_REMOVED).join();
      assertAnswerLost("DeleteFargateProfile");
    }

    try (EksKit restarted = newKit()) {
      restarted.blueprints().apply(WEB_REMOVED).join();
    }

    assertThat(profileNames()).containsExactly("batch");
  }

  /** Runs {@code apply}, stopping the kit right after {@code operation} took effect. */
  private void stopRightAfter(String operation, Runnable apply) {
    EksKit stopping = kit;
    aws.faults().afterCommit(operation, stopping::close);
    assertThatThrownBy(apply::run).isInstanceOf(OperationCancelledException.class);
  }

  private void assertAnswerLost(String operation) {
    assertThat(aws.calls().all())
        .anyMatch(call -> call.operation().equals(operation) && call.statusCode() == 500);
  }

  /** Both profiles ACTIVE, web selecting {@code webNamespace}; one role, its policy once. */
  private void assertOneOfEach(String webNamespace) {
    assertThat(profileNames()).containsExactly("batch", "web");
    assertThat(List.of(describe("batch"), describe("web")))
        .allMatch(p -> p.statusAsString().equals("ACTIVE"))
        .allMatch(p -> p.podExecutionRoleArn().equals(podRole().arn()));
    assertThat(describe("web").selectors())
        .extracting(s -> s.namespace())
        .containsExactly(webNamespace);
    assertThat(roleNames()).containsOnlyOnce(POD_ROLE);
    assertThat(podRolePolicies()).hasSize(1);
    assertThat(aws.calls().all())
        .filteredOn(call -> call.operation().equals("CreateRole"))
        .filteredOn(Call::succeeded)
        .hasSizeLessThanOrEqualTo(1);
  }
}
