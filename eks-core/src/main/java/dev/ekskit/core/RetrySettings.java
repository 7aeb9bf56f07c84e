package dev.ekskit.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Retries of whole logical steps, for conditions the AWS SDK's own per-request retries cannot
 * resolve: the resource is busy ({@code ResourceInUseException} while a cluster is updating),
 * throttling or a 5xx that outlasted the SDK's retries, a response lost after the server acted.
 * Waiting for a status is polling, not retrying, and does not use these settings.
 *
 * <pre>{@code
 * RetrySettings patient = RetrySettings.defaults().withMaxAttempts(12);
 * }</pre>
 *
 * @param maxAttempts attempts in all, including the first
 * @param initialBackoff delay before the second attempt
 * @param multiplier growth of the delay per attempt
 * @param maxBackoff the longest delay
 */
public record RetrySettings(
    int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

  public RetrySettings {
    List<Violation> violations = new ArrayList<>();
    if (maxAttempts < 1) {
      violations.add(new Violation("maxAttempts", "min", "must be at least 1, was " + maxAttempts));
    }
    if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
      violations.add(new Violation("initialBackoff", "positive", "must be positive"));
    }
    if (multiplier < 1) {
      violations.add(new Violation("multiplier", "min", "must be at least 1, was " + multiplier));
    }
    if (maxBackoff == null || initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
      violations.add(new Violation("maxBackoff", "min", "must be at least initialBackoff"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException("RetrySettings", violations);
    }
  }

  /** 8 attempts, 2 s doubling to at most 60 s (about 4 minutes in all, jittered). */
  public static RetrySettings defaults() {
    return new RetrySettings(8, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));
  }

  /**
   * For a 409 that lasts as long as someone else's change, such as another process's Fargate
   * profile in CREATING or DELETING (a delete has a tail past 20 minutes): 100 attempts, 5 s
   * growing to 30 s, about 48 minutes in all, within the operation's deadline.
   */
  public static RetrySettings forResourceInUse() {
    return new RetrySettings(100, Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30));
  }

  public RetrySettings withMaxAttempts(int attempts) {
    return new RetrySettings(attempts, initialBackoff, multiplier, maxBackoff);
  }
}
