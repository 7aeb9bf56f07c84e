package dev.ekskit.core;

import dev.ekskit.core.internal.waits.CheckPlan;
import dev.ekskit.core.spi.SpecStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How to wait for one kind of transition: when to check, how long to keep trying, and how to spread
 * checks so that many waits do not poll in lockstep. Two shapes:
 *
 * <ul>
 *   <li><b>From how long the transition takes</b> ({@link #fromDurations}): the check times are
 *       computed from a {@link DurationModel} to keep the expected detection lag low for the calls
 *       they cost: the first check near the earliest plausible end, dense where ends are likely,
 *       sparser in the tail, every one jittered. {@code callCost} is the one knob: the detection
 *       lag one status check is worth; smaller means more checks and less lag. Past the model's
 *       longest duration, checks come every {@code interval} until the deadline.
 *   <li><b>Fixed</b> ({@link #of}): a first check, then one every {@code interval}, jittered.
 * </ul>
 *
 * In both, no check comes before {@code firstCheck} and one comes at it, so {@code
 * withFirstCheck(Duration.ZERO)} looks at once (for a resource adopted or resumed). A throttled
 * check is retried after a short backoff and never ends a wait.
 *
 * <pre>{@code
 * PollingPolicy quick = PollingPolicy.of(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(20));
 * PollingPolicy modelled =
 *     PollingPolicy.fromDurations(
 *         DurationModel.logNormal(Duration.ofMinutes(4), Duration.ofMinutes(6))
 *             .between(Duration.ofMinutes(2), Duration.ofMinutes(12)),
 *         Duration.ofMinutes(30));
 * PollingPolicy eager = modelled.withCallCost(Duration.ofMillis(300));   // more checks, less lag
 * PollingPolicy patient = WaitKind.CLUSTER_CREATE.defaults().toBuilder()
 *     .deadline(Duration.ofHours(1))
 *     .build();
 * }</pre>
 *
 * @param firstCheck no check before it, one at it
 * @param interval delay between checks of a fixed policy, and past the model's longest duration
 * @param jitter how far each check moves at random, as a fraction of the gap to the next one, 0 to
 *     1
 * @param maxInterval the longest a throttled check waits to be tried again (about a second
 *     otherwise; the kit-wide pace of checks is what slows many waits down)
 * @param deadline when the wait gives up with {@link WaitTimeoutException}
 * @param typical how long the transition usually takes, for progress display
 * @param expected how long the transition takes, or null for a fixed policy
 * @param callCost the detection lag one check is worth, for a policy with {@code expected}
 */
@Value.Builder
@SpecStyle
public record PollingPolicy(
    Duration firstCheck,
    Duration interval,
    double jitter,
    Duration maxInterval,
    Duration deadline,
    Duration typical,
    DurationModel expected,
    Duration callCost) {
  /** The default lag one check is worth: half a second. */
  public static final Duration DEFAULT_CALL_COST = Duration.ofMillis(500);

  private static final double DEFAULT_JITTER = 0.2;

  public PollingPolicy {
    List<Violation> violations = new ArrayList<>();
    requireNonNegative("firstCheck", firstCheck, violations);
    requirePositive("interval", interval, violations);
    requirePositive("deadline", deadline, violations);
    requireNonNegative("typical", typical, violations);
    requirePositive("callCost", callCost, violations);
    if (jitter < 0 || jitter > 1) {
      violations.add(new Violation("jitter", "range", "must be between 0 and 1, was " + jitter));
    }
    if (maxInterval == null || maxInterval.isNegative() || maxInterval.isZero()) {
      violations.add(new Violation("maxInterval", "positive", "must be a positive duration"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException("PollingPolicy", violations);
    }
  }

  /** A fixed policy: {@code firstCheck}, then every {@code interval}. */
  public PollingPolicy(
      Duration firstCheck,
      Duration interval,
      double jitter,
      Duration maxInterval,
      Duration deadline,
      Duration typical) {
    this(firstCheck, interval, jitter, maxInterval, deadline, typical, null, DEFAULT_CALL_COST);
  }

  /**
   * A builder that starts from a fixed policy: a check at once, then every 10 s, for up to 30
   * minutes; {@code build()} checks the policy.
   */
  public static PollingPolicyBuilder builder() {
    return of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(30)).toBuilder();
  }

  /** A builder that starts from this policy. */
  public PollingPolicyBuilder toBuilder() {
    return new PollingPolicyBuilder().from(this);
  }

  /** A fixed policy with 20% jitter, backing off to at most 8 × interval under throttling. */
  public static PollingPolicy of(Duration firstCheck, Duration interval, Duration deadline) {
    return new PollingPolicy(
        firstCheck, interval, DEFAULT_JITTER, interval.multipliedBy(8), deadline, Duration.ZERO);
  }

  /**
   * Check times computed from {@code expected}, with {@link #DEFAULT_CALL_COST}; past its longest
   * duration a check every minute until {@code deadline}.
   */
  public static PollingPolicy fromDurations(DurationModel expected, Duration deadline) {
    return new PollingPolicy(
        plannedFirstCheck(expected, DEFAULT_CALL_COST, deadline),
        Duration.ofMinutes(1),
        DEFAULT_JITTER,
        Duration.ofSeconds(30),
        deadline,
        expected.median(),
        expected,
        DEFAULT_CALL_COST);
  }

  public PollingPolicy withDeadline(Duration newDeadline) {
    return new PollingPolicy(
        followPlan(callCost, newDeadline),
        interval,
        jitter,
        maxInterval,
        newDeadline,
        typical,
        expected,
        callCost);
  }

  public PollingPolicy withFirstCheck(Duration newFirstCheck) {
    return new PollingPolicy(
        newFirstCheck, interval, jitter, maxInterval, deadline, typical, expected, callCost);
  }

  /** The same policy trading lag against calls differently; see {@code callCost}. */
  public PollingPolicy withCallCost(Duration newCallCost) {
    return new PollingPolicy(
        followPlan(newCallCost, deadline),
        interval,
        jitter,
        maxInterval,
        deadline,
        typical,
        expected,
        newCallCost);
  }

  /**
   * The same policy for transitions {@code factor} times as long as {@link #expected()} says (a
   * slow region, a busy day): its computed check times stretch with them, about as many checks on a
   * slower day and fewer on a faster one, and a first check set by hand stays. A fixed policy is
   * returned as it is.
   *
   * <pre>{@code
   * PollingPolicy slowDay = WaitKind.CLUSTER_CREATE.defaults().scaled(1.3);
   * }</pre>
   */
  public PollingPolicy scaled(double factor) {
    if (expected == null || factor == 1) {
      return this;
    }
    DurationModel stretched = expected.scaled(factor);
    // Slower: a check is worth as much lag as before relative to the transition's length, so the
    // plan stretches instead of crowding in. Faster: checks cost more, so the plan thins out as a
    // fixed poll's would (eks-bench's robustness rows chose this).
    Duration cost =
        Duration.ofMillis(
            Math.max(1, Math.round(callCost.toMillis() * Math.max(factor, 1 / factor))));
    Duration first =
        firstCheck.equals(plannedFirstCheck(expected, callCost, deadline))
            ? plannedFirstCheck(stretched, cost, deadline)
            : firstCheck;
    return new PollingPolicy(
        first, interval, jitter, maxInterval, deadline, typical, stretched, cost);
  }

  /** The computed check times, from the start of the wait; empty for a fixed policy. */
  public List<Duration> plannedChecks() {
    return expected == null ? List.of() : CheckPlan.of(expected, callCost, deadline);
  }

  /** A first check that was the plan's own follows the plan; one set by hand stays. */
  private Duration followPlan(Duration newCallCost, Duration newDeadline) {
    if (expected == null || !firstCheck.equals(plannedFirstCheck(expected, callCost, deadline))) {
      return firstCheck;
    }
    return plannedFirstCheck(expected, newCallCost, newDeadline);
  }

  private static Duration plannedFirstCheck(
      DurationModel expected, Duration callCost, Duration deadline) {
    return CheckPlan.of(expected, callCost, deadline).get(0);
  }

  /** Checks between the end of the model and the deadline come this far apart. */
  public PollingPolicy withInterval(Duration newInterval) {
    return new PollingPolicy(
        firstCheck, newInterval, jitter, maxInterval, deadline, typical, expected, callCost);
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
