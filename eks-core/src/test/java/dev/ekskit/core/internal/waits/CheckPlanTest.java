package dev.ekskit.core.internal.waits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.DurationModel;
import dev.ekskit.core.EksDurations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckPlanTest {
  private static final Duration COST = Duration.ofMillis(500);

  static List<DurationModel> models() {
    return List.of(
        EksDurations.CLUSTER_CREATE,
        EksDurations.CLUSTER_DELETE,
        EksDurations.CLUSTER_VERSION_UPDATE,
        EksDurations.NODEGROUP_CREATE,
        EksDurations.FARGATE_PROFILE_CREATE,
        EksDurations.ADDON_DELETE);
  }

  @ParameterizedTest
  @MethodSource("models")
  void of_anyModel_increasingAndWithinDeadline(DurationModel model) {
    Duration deadline = Duration.ofMinutes(45);

    List<Duration> plan = CheckPlan.of(model, COST, deadline);

    for (int i = 1; i < plan.size(); i++) {
      assertThat(plan.get(i)).isGreaterThan(plan.get(i - 1));
    }
    assertThat(plan.get(plan.size() - 1)).isLessThanOrEqualTo(deadline);
    assertThat(plan.get(plan.size() - 1))
        .isGreaterThanOrEqualTo(model.max())
        .as("covers every duration the model allows");
  }

  @ParameterizedTest
  @MethodSource("models")
  void of_anyModel_firstCheckNearEarliestPlausibleEnd(DurationModel model) {
    Duration first = CheckPlan.of(model, COST, Duration.ofMinutes(45)).get(0);

    // No earlier than the earliest end of a model 30% too slow, and before most transitions end.
    assertThat(first).isGreaterThanOrEqualTo(model.scaled(0.7).min());
    assertThat(first).isLessThan(model.median());
  }

  @Test
  void of_clusterCreate_denseWhereEndsAreLikelySparseInTheTail() {
    DurationModel model = EksDurations.CLUSTER_CREATE;
    List<Duration> plan = CheckPlan.of(model, COST, Duration.ofMinutes(45));

    Duration atMedian = gapAround(plan, model.median());
    Duration inTail = gapAround(plan, model.max().minusMinutes(5));

    assertThat(atMedian).isLessThan(inTail);
  }

  @Test
  void of_cheaperCalls_moreChecks() {
    DurationModel model = EksDurations.NODEGROUP_CREATE;

    int cheap = CheckPlan.of(model, Duration.ofMillis(200), Duration.ofMinutes(40)).size();
    int dear = CheckPlan.of(model, Duration.ofSeconds(3), Duration.ofMinutes(40)).size();

    assertThat(cheap).isGreaterThan(dear);
  }

  @Test
  void of_deadlineBeforeModelEnds_lastCheckAtDeadline() {
    Duration deadline = Duration.ofMinutes(8);

    List<Duration> plan = CheckPlan.of(EksDurations.CLUSTER_CREATE, COST, deadline);

    assertThat(plan.get(plan.size() - 1)).isEqualTo(deadline);
  }

  private static Duration gapAround(List<Duration> plan, Duration at) {
    for (int i = 1; i < plan.size(); i++) {
      if (plan.get(i).compareTo(at) >= 0) {
        return plan.get(i).minus(plan.get(i - 1));
      }
    }
    throw new AssertionError("no check after " + at);
  }
}
