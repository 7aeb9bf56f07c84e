package dev.ekskit.core.spi;

import dev.ekskit.core.RetrySettings;
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
 * scope.call("create", waitTurn, () -> eks.createFargateProfile(request));
 * }</pre>
 *
 * @param condition which errors mean "not yet"
 * @param settings how often and how long to try again
 */
public record StepRetries(Predicate<Throwable> condition, RetrySettings settings) {
  private static final StepRetries NONE = new StepRetries(error -> false, RetrySettings.defaults());

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

  /** A 409 "resource in use" while someone else's change runs, for as long as such a change takes. */
  public static StepRetries whileBusy() {
    return when(error -> AwsErrors.is(error, AwsErrors.Kind.IN_USE), RetrySettings.forResourceInUse());
  }
}
