package dev.ekskit.core.internal.waits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.EksDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cluster creates are modelled at 9–33 min, median 12 min (EksDurations.CLUSTER_CREATE). */
class PaceTest {
  private final MovableClock clock = new MovableClock();
  private final Pace pace = new Pace(EksDurations.CLUSTER_CREATE, clock);

  @Test
  void scale_noEvidence_trustsTheModel() {
    pace.started();

    assertThat(pace.scale()).isEqualTo(1.0);
  }

  @Test
  void scale_onlySeenDoneAtTheFirstCheck_weakEvidenceOfAFastDay() {
    for (int i = 0; i < 10; i++) {
      pace.started().done(Duration.ofMinutes(12));
    }
    clock.advance(Duration.ofSeconds(5));

    // "Ended some time in the first 12 minutes" fits a faster day better, but not by much.
    assertThat(pace.scale()).isBetween(0.8, 1.0);
  }

  @Test
  void scale_endsWhereTheModelSays_staysAtOne() {
    for (int minute : new int[] {10, 11, 11, 12, 12, 12, 13, 13, 14, 15}) {
      Pace.Wait wait = pace.started();
      wait.stillRunning(Duration.ofMinutes(minute).minusSeconds(20));
      wait.done(Duration.ofMinutes(minute));
    }
    clock.advance(Duration.ofSeconds(5));

    assertThat(pace.scale()).isEqualTo(1.0);
  }

  @Test
  void scale_oneWaitStillRunningLate_movesLittle() {
    pace.started().stillRunning(Duration.ofMinutes(16));
    clock.advance(Duration.ofSeconds(5));

    assertThat(pace.scale()).isLessThanOrEqualTo(1.1);
  }

  @Test
  void scale_manyWaitsRunningPastWhereMostShouldHaveEnded_learnsASlowDay() {
    List<Pace.Wait> waits = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      waits.add(pace.started());
    }
    waits.forEach(wait -> wait.stillRunning(Duration.ofMinutes(14)));
    clock.advance(Duration.ofSeconds(5));

    assertThat(pace.scale()).isGreaterThanOrEqualTo(1.25);
  }

  @Test
  void scale_waitsEndingAtSeventyPercent_learnsAFastDay() {
    for (int i = 0; i < 20; i++) {
      Pace.Wait wait = pace.started();
      wait.stillRunning(Duration.ofSeconds(Math.round(12 * 60 * 0.7) - 20 + i));
      wait.done(Duration.ofSeconds(Math.round(12 * 60 * 0.7) + i));
    }
    clock.advance(Duration.ofSeconds(5));

    assertThat(pace.scale()).isBetween(0.65, 0.75);
  }

  @Test
  void scale_abandonedWaits_sayNothing() {
    for (int i = 0; i < 200; i++) {
      Pace.Wait wait = pace.started();
      wait.stillRunning(Duration.ofMinutes(14));
      wait.abandoned();
    }
    clock.advance(Duration.ofSeconds(5));

    assertThat(pace.scale()).isEqualTo(1.0);
  }

  @Test
  void scale_evidenceWithinASecond_waitsForTheNextLook() {
    pace.started();
    assertThat(pace.scale()).isEqualTo(1.0);
    for (int i = 0; i < 20; i++) {
      pace.started().done(Duration.ofMinutes(6));
    }

    assertThat(pace.scale()).as("same instant: not looked at again yet").isEqualTo(1.0);
    clock.advance(Duration.ofSeconds(1));
    assertThat(pace.scale()).isLessThan(1.0);
  }

  @Test
  void scale_batchLargerThanItRemembers_endingAsModelled_staysAtOne() {
    // 1,500 creates started together, each lasting its own quantile of the model, looked at when
    // half have ended. Forgetting the early finishers but not the survivors would read a slow day.
    Duration now = EksDurations.CLUSTER_CREATE.median();
    List<Duration> durations = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      durations.add(quantile((i + 0.5) / 1_500));
    }
    Collections.shuffle(durations, new Random(1));
    for (Duration took : durations) {
      Pace.Wait wait = pace.started();
      if (took.compareTo(now) <= 0) {
        wait.stillRunning(took.minusSeconds(20));
        wait.done(took);
      } else {
        wait.stillRunning(now);
      }
    }
    clock.advance(Duration.ofSeconds(5));

    assertThat(pace.scale()).isEqualTo(1.0);
  }

  private static Duration quantile(double p) {
    long low = 0;
    long high = EksDurations.CLUSTER_CREATE.max().toMillis();
    while (high - low > 1) {
      long mid = (low + high) / 2;
      if (EksDurations.CLUSTER_CREATE.cdf(mid / 1000.0) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return Duration.ofMillis(high);
  }
}
