package dev.ekskit.core.internal.waits;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The pace of one service's status checks across a kit: starts fast (200 a second), slows by 30%
 * when a second's checks were throttled more than usual, grows again by 5 a second while they are
 * not, and never drops below 20 a second. Many waits then spread their checks instead of causing
 * the throttling they suffer.
 *
 * <p>"More than usual" is measured against a slow average of the throttled share: throttling that
 * does not depend on the pace (another client of the account using it up, or a fault injected at
 * random) raises that average too, so it does not slow checks down to a crawl for nothing, while a
 * burst past the account's limit stands out and is backed off from.
 *
 * <p>The permits come from resilience4j's {@link AtomicRateLimiter} on the kit's clock, so a
 * virtual clock paces it as well; a check reserves a permit and is scheduled for when it is due,
 * holding no thread.
 */
public final class AdaptiveRate {
  static final int START_PER_SECOND = 200;
  static final int MIN_PER_SECOND = 20;
  static final int MAX_PER_SECOND = 1_000;
  private static final int GROWTH_PER_SECOND = 5;
  private static final int MIN_CALLS_TO_JUDGE = 5;
  private static final double MARGIN = 0.15;
  private static final double AVERAGE_WEIGHT = 0.3;

  /** Far above any real wait: a reservation always succeeds. */
  private static final Duration LONGEST_RESERVATION = Duration.ofHours(6);

  private final Clock clock;
  private final AtomicRateLimiter limiter;
  private int perSecond = START_PER_SECOND;
  private Instant windowEnd;
  private int calls;
  private int throttled;
  private double usualShare;

  public AdaptiveRate(String service, Clock clock) {
    this.clock = clock;
    this.limiter =
        new AtomicRateLimiter(
            "ekskit-" + service + "-checks",
            RateLimiterConfig.custom()
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .limitForPeriod(START_PER_SECOND)
                .timeoutDuration(LONGEST_RESERVATION)
                .build(),
            () -> nanos(clock.instant()));
    this.windowEnd = clock.instant().plusSeconds(1);
  }

  /** Reserves a permit for one check: how long to wait before making it. */
  public Duration reserve() {
    long nanos = limiter.reservePermission(1);
    return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
  }

  /** Counts the outcome of a check. */
  public synchronized void record(boolean wasThrottled) {
    Instant now = clock.instant();
    if (!now.isBefore(windowEnd)) {
      judge();
      windowEnd = now.plusSeconds(1);
    }
    calls++;
    if (wasThrottled) {
      throttled++;
    }
  }

  /** Checks per second now allowed. */
  public synchronized int perSecond() {
    return perSecond;
  }

  private void judge() {
    if (calls >= MIN_CALLS_TO_JUDGE) {
      double share = (double) throttled / calls;
      if (share > usualShare + MARGIN) {
        perSecond = Math.max(MIN_PER_SECOND, perSecond * 7 / 10);
      } else {
        perSecond = Math.min(MAX_PER_SECOND, perSecond + GROWTH_PER_SECOND);
      }
      usualShare += AVERAGE_WEIGHT * (share - usualShare);
      limiter.changeLimitForPeriod(perSecond);
    }
    calls = 0;
    throttled = 0;
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
