package dev.ekskit.core.spi;

import dev.ekskit.core.RetrySettings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a step retries besides throttling and faults: answers the SDK cannot know are temporary,
 * such as a 409 while another change runs, or a role IAM has not propagated yet. Throttles never
 * count against these attempts, and these attempts never retry throttles: each cause has its own
 * budget, and the operation's deadline bounds them all.
 *
 * <pre>{@code
 * StepRetries waitTurn = StepRetries.when(TurnTaking::isBusy, RetrySettings.forResourceInUse());
 * scope.call(Steps.CREATE, waitTurn, () -> eks.createFargateProfile(request));
 * }</pre>
 *
 * @param condition which errors mean "not yet"
 * @param settings how often and how long to try again
 */
public record StepRetries(Predicate<Throwable> condition, RetrySettings settings) {
  private static final StepRetries NONE = new StepRetries(error -> false, RetrySettings.defaults());

  /**
   * IAM usually propagates a new role within seconds, rarely within a minute or two: 10 attempts, 2
   * s growing to 30 s, about 2.5 minutes in all.
   */
  private static final RetrySettings ROLE_PROPAGATION =
      new RetrySettings(10, Duration.ofSeconds(2), 1.6, Duration.ofSeconds(30));

  public StepRetries {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(settings, "settings");
  }

  /** Only throttling and faults, as every step. */
  public static StepRetries none() {
    return NONE;
  }

  public static StepRetries when(Predicate<Throwable> condition, RetrySettings settings) {
    return new StepRetries(condition, settings);
  }

  /**
   * EKS refusing a role it cannot assume ({@link AwsErrors#saysRoleNotAssumable}), for as long as
   * IAM takes to propagate a new role (about 2.5 minutes, 10 attempts): for a step that hands EKS a
   * role, which may have been made moments ago. A role whose trust is wrong stays refused, and the
   * step fails after that with EKS's answer.
   *
   * <pre>{@code
   * scope.call(Steps.CREATE, StepRetries.roleNotYetUsable(), () -> eks.createCluster(request));
   * }</pre>
   */
  public static StepRetries roleNotYetUsable() {
    return when(AwsErrors::saysRoleNotAssumable, ROLE_PROPAGATION);
  }

  /**
   * A 409 "resource in use" while someone else's change runs, for as long as such a change takes.
   */
  public static StepRetries whileBusy() {
    return when(
        error -> AwsErrors.is(error, AwsErrors.Kind.IN_USE), RetrySettings.forResourceInUse());
  }

  /**
   * For steps that only read ({@link Scope#read}): 5xx and network faults are tried up to 10 more
   * times (1 s doubling to 30 s), on top of the kit's fault budget, since reading again changes
   * nothing.
   */
  public static StepRetries reads() {
    return when(
        error -> AwsErrors.is(error, AwsErrors.Kind.TRANSIENT),
        new RetrySettings(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)));
  }
}
