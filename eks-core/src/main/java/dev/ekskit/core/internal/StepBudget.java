package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.StepRetries;
import java.time.Duration;

/**
 * The retries one step may make, one budget per cause so that no cause multiplies another:
 *
 * <ul>
 *   <li>throttling: backoff from 1 s doubling to 60 s, for as long as the operation's deadline
 *       allows (a throttle is never an error while there is time);
 *   <li>what the step says is temporary ({@link StepRetries}): its own settings;
 *   <li>5xx and network faults that outlasted the SDK's retries: the kit's {@link RetrySettings}.
 * </ul>
 *
 * Every wait is jittered by ±50% and cut at the deadline; the attempt due at the deadline finds the
 * operation stopped and makes no call. Calls one step makes at most, besides the SDK's own retries
 * of each: {@code busy.maxAttempts + faults.maxAttempts + throttles}, where throttles are at most
 * {@code 7 + deadline / 30 s}.
 */
final class StepBudget {
  static final Duration THROTTLE_FIRST = Duration.ofSeconds(1);
  static final Duration THROTTLE_MAX = Duration.ofSeconds(60);
  private static final double JITTER = 0.5;

  private final OperationState state;
  private final StepRetries retries;
  private final Engine engine;
  private int throttles;
  private int busy;
  private int faults;
  private Duration next = Duration.ZERO;

  StepBudget(OperationState state, StepRetries retries, Engine engine) {
    this.state = state;
    this.retries = retries;
    this.engine = engine;
  }

  /** Decides whether {@code error} is retried, and after how long ({@link #backoff()}). */
  boolean allowsRetry(Throwable error) {
    Throwable cause = AwsErrors.unwrap(error);
    if (cause instanceof EksKitException || state.stopped() != null) {
      return false;
    }
    Duration wait;
    if (AwsErrors.is(cause, AwsErrors.Kind.THROTTLED)) {
      wait = exponential(THROTTLE_FIRST, 2, THROTTLE_MAX, ++throttles);
    } else if (retries.condition().test(cause) && busy + 1 < retries.settings().maxAttempts()) {
      wait = exponential(retries.settings(), ++busy);
    } else if (AwsErrors.is(cause, AwsErrors.Kind.TRANSIENT)
        && faults + 1 < engine.retrySettings().maxAttempts()) {
      wait = exponential(engine.retrySettings(), ++faults);
    } else {
      return false;
    }
    Duration remaining = Duration.between(state.now(), state.deadline());
    if (remaining.isNegative() || remaining.isZero()) {
      state.stop(state.deadlinePassed());
      return false;
    }
    Duration jittered = engine.jittered(wait, JITTER);
    next = jittered.compareTo(remaining) < 0 ? jittered : remaining;
    return true;
  }

  /** The wait before the retry {@link #allowsRetry} allowed last. */
  Duration backoff() {
    return next;
  }

  /** Attempts made so far, the first included. */
  int attempts() {
    return 1 + throttles + busy + faults;
  }

  private static Duration exponential(RetrySettings settings, int retry) {
    return exponential(
        settings.initialBackoff(), settings.multiplier(), settings.maxBackoff(), retry);
  }

  private static Duration exponential(Duration first, double multiplier, Duration max, int retry) {
    double millis = first.toMillis() * Math.pow(multiplier, retry - 1);
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
