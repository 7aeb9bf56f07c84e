package dev.ekskit.core.internal.waits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.WaitKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckTimesTest {
  private final PollingPolicy modelled = WaitKind.CLUSTER_CREATE.defaults();

  @Test
  void planned_modelledPolicy_followsPlanThenInterval() {
    CheckTimes times = new CheckTimes(modelled);
    int planned = modelled.plannedChecks().size();

    assertThat(times.planned(0)).isEqualTo(modelled.plannedChecks().get(0));
    assertThat(times.planned(planned))
        .isEqualTo(modelled.plannedChecks().get(planned - 1).plus(modelled.interval()));
  }

  @Test
  void jittered_everyCheckIncludingFirst_movesWithinHalfJitterOfItsGap() {
    CheckTimes times = new CheckTimes(modelled);
    for (int i = 0; i < 5; i++) {
      Duration bound =
          Duration.ofMillis(Math.round(times.gapAfter(i).toMillis() * modelled.jitter() / 2));

      assertThat(times.jittered(i, 0.0)).isEqualTo(times.planned(i).minus(bound));
      assertThat(times.jittered(i, 0.999))
          .isBetween(times.planned(i), times.planned(i).plus(bound));
      assertThat(times.jittered(i, 0.0)).isNotEqualTo(times.planned(i));
    }
  }

  @Test
  void jittered_adoptedResource_looksAtOnceThenFollowsPlan() {
    CheckTimes times = new CheckTimes(modelled.withFirstCheck(Duration.ZERO));

    assertThat(times.jittered(0, 0.0)).isZero();
    assertThat(times.jittered(0, 0.999)).isZero();
    assertThat(times.planned(1)).isEqualTo(modelled.plannedChecks().get(0));
  }

  @Test
  void planned_resumeKind_looksAtOnceThenEveryInterval() {
    PollingPolicy resume = WaitKind.RESUME.defaults();
    CheckTimes times = new CheckTimes(resume);

    assertThat(times.planned(0)).isZero();
    assertThat(times.planned(3)).isEqualTo(resume.interval().multipliedBy(3));
  }

  @Test
  void firstFrom_afterThrottledRetries_skipsChecksAlreadyPast() {
    CheckTimes times = everyTenSeconds();

    assertThat(times.firstFrom(1, Duration.ofSeconds(35))).isEqualTo(3);
  }

  @Test
  void nextAfterCheckAt_newPlanWithACheckJustAhead_skipsItAsJustMade() {
    CheckTimes times = everyTenSeconds();

    // Planned at 10, 20, 30, 40 s: a check just made at 29 s stands for the one at 30 s.
    assertThat(times.planned(times.nextAfterCheckAt(Duration.ofSeconds(29))))
        .isEqualTo(Duration.ofSeconds(40));
    assertThat(times.planned(times.nextAfterCheckAt(Duration.ofSeconds(22))))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(times.nextAfterCheckAt(Duration.ofSeconds(9))).isZero();
  }

  /** Checks planned at 10, 20, 30 s and on (before jitter). */
  private static CheckTimes everyTenSeconds() {
    return new CheckTimes(
        PollingPolicy.of(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5)));
  }
}
