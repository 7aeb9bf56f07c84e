package dev.ekskit.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to wait for one kind of transition: when to look first (near its typical duration), how often
 * after that (with jitter so many waits do not poll in lockstep), how far to slow down under
 * throttling, and when to give up.
 *
 * <pre>{@code
 * PollingPolicy quick = PollingPolicy.of(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(20));
 * }</pre>
 *
 * @param firstCheck delay before the first check after the mutating call
 * @param interval delay between later checks
 * @param jitter fraction of {@code interval} added or removed at random, 0 to 1
 * @param maxInterval the most the interval grows to while AWS throttles the checks
 * @param deadline when the wait gives up with {@link WaitTimeoutException}
 * @param typical how long the transition usually takes, for progress display
 */
public record PollingPolicy(
    Duration firstCheck,
    Duration interval,
    double jitter,
    Duration maxInterval,
    Duration deadline,
    Duration typical) {

  public PollingPolicy {
    List<Violation> violations = new ArrayList<>();
    requireNonNegative("firstCheck", firstCheck, violations);
    requirePositive("interval", interval, violations);
    requirePositive("deadline", deadline, violations);
    requireNonNegative("typical", typical, violations);
    if (jitter < 0 || jitter > 1) {
      violations.add(new Violation("jitter", "range", "must be between 0 and 1, was " + jitter));
    }
    if (maxInterval == null || interval != null && maxInterval.compareTo(interval) < 0) {
      violations.add(new Violation("maxInterval", "min", "must be at least interval"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException("PollingPolicy", violations);
    }
  }

  /**
   * A policy with 20% jitter, up to 8 × interval under throttling, and no typical duration known.
   */
  public static PollingPolicy of(Duration firstCheck, Duration interval, Duration deadline) {
    return new PollingPolicy(
        firstCheck, interval, 0.2, interval.multipliedBy(8), deadline, Duration.ZERO);
  }

  public PollingPolicy withDeadline(Duration newDeadline) {
    return new PollingPolicy(firstCheck, interval, jitter, maxInterval, newDeadline, typical);
  }

  public PollingPolicy withFirstCheck(Duration newFirstCheck) {
    return new PollingPolicy(newFirstCheck, interval, jitter, maxInterval, deadline, typical);
  }

  private static void requirePositive(String field, Duration value, List<Violation> violations) {
    if (value == null || value.isNegative() || value.isZero()) {
      violations.add(new Violation(field, "positive", "must be a positive duration, was " + value));
    }
  }

  private static void requireNonNegative(String field, Duration value, List<Violation> violations) {
    if (value == null || value.isNegative()) {
      violations.add(new Violation(field, "non-negative", "must be zero or more, was " + value));
    }
  }
}
