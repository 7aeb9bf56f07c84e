package dev.ekskit.core.internal.waits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveRateTest {
  private final MovableClock clock = new MovableClock();
  private final AdaptiveRate rate = new AdaptiveRate("eks", clock);

  @Test
  void reserve_withinTheFirstSecondsPermits_noWait() {
    for (int i = 0; i < AdaptiveRate.START_PER_SECOND; i++) {
      assertThat(rate.reserve()).isZero();
    }
    assertThat(rate.reserve()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void record_burstPastTheAccountsLimit_slowsDown() {
    seconds(5, 0.0);
    int before = rate.perSecond();

    seconds(3, 0.8);

    assertThat(rate.perSecond()).isLessThan(before);
  }

  @Test
  void record_throttlesAtRandomWhateverThePace_neverDropsToTheFloor() {
    seconds(60, 0.7);

    assertThat(rate.perSecond()).isGreaterThan(AdaptiveRate.MIN_PER_SECOND);
  }

  @Test
  void record_throttlingStops_recovers() {
    seconds(5, 0.9);
    int slowed = rate.perSecond();

    seconds(10, 0.0);

    assertThat(rate.perSecond()).isGreaterThan(slowed);
  }

  /** {@code count} seconds of 20 checks each, {@code share} of them throttled at random. */
  private void seconds(int count, double share) {
    Random random = new Random(7);
    for (int second = 0; second < count; second++) {
      for (int check = 0; check < 20; check++) {
        rate.record(random.nextDouble() < share);
      }
      clock.advance(Duration.ofSeconds(1));
    }
    rate.record(false);
  }
}
