package dev.ekskit.core;

import dev.ekskit.core.spi.SpecStyle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How often, and how far apart, a step tries again for one cause of failure. Retries are layered,
 * never multiplied: the AWS SDK retries single HTTP calls (the kit's own clients use its standard
 * mode, 3 attempts), except EC2 creates that take no idempotency token (a VPC, subnet, internet
 * gateway or Elastic IP), which it sends once so that a lost answer never makes a second one; and
 * each ekskit step, which looks for what an earlier attempt made before it creates again, has one
 * budget per cause:
 *
 * <ul>
 *   <li><b>faults</b> (5xx, network) that outlasted the SDK's retries: the kit's settings ({@link
 *       #defaults()}, set with {@code EksKit.Builder.retry});
 *   <li><b>"not yet"</b> answers the SDK cannot know are temporary (a 409 while another change
 *       runs, a new IAM role not yet propagated): the step's own settings, such as {@link
 *       #forResourceInUse()};
 *   <li><b>throttling</b>: retried with backoff (1 s doubling to 60 s) for as long as the
 *       operation's deadline allows, never counted against the other two.
 * </ul>
 *
 * A step makes at most {@code faults.maxAttempts + busy.maxAttempts + 7 + deadline / 30 s} calls,
 * each of which the SDK may retry; the operation's deadline ends every budget. Waiting for a status
 * is polling, not retrying, and does not use these settings.
 *
 * <pre>{@code
 * RetrySettings patient = RetrySettings.builder().maxAttempts(8).build();   // the rest as defaults()
 * EksKit kit = EksKit.builder().retry(patient).build();
 * }</pre>
 *
 * @param maxAttempts attempts in all, including the first
 * @param initialBackoff delay before the second attempt
 * @param multiplier growth of the delay per attempt
 * @param maxBackoff the longest delay
 */
@Value.Builder
@SpecStyle
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

  /**
   * 5 attempts, 2 s doubling (about 30 s in all, jittered): with the SDK's own 3 attempts each, at
   * most 15 calls for a fault that does not go away.
   */
  public static RetrySettings defaults() {
    return new RetrySettings(5, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));
  }

  /**
   * For a 409 that lasts as long as someone else's change, such as another process's Fargate
   * profile in CREATING or DELETING (a delete has a tail past 20 minutes): 100 attempts, 5 s
   * growing to 30 s, about 48 minutes in all, within the operation's deadline. Throttles during
   * such a wait count against the throttling budget, not this one.
   */
  public static RetrySettings forResourceInUse() {
    return new RetrySettings(100, Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30));
  }

  /** A builder that starts from {@link #defaults()}; {@code build()} checks the settings. */
  public static RetrySettingsBuilder builder() {
    return defaults().toBuilder();
  }

  /** A builder that starts from these settings. */
  public RetrySettingsBuilder toBuilder() {
    return new RetrySettingsBuilder().from(this);
  }

  public RetrySettings withMaxAttempts(int attempts) {
    return new RetrySettings(attempts, initialBackoff, multiplier, maxBackoff);
  }
}
