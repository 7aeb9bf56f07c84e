package dev.ekskit.core.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries one logical step (a create, update or delete call) through resilience4j, on the kit's
 * scheduler. The call itself must be safe to repeat: creates pin their {@code clientRequestToken}
 * outside the retried block so every attempt carries the same one.
 */
public final class StepRetry {
  private static final double RANDOMIZATION = 0.5;

  private StepRetry() {}

  /** Throttling, 5xx and network faults: what any step retries. */
  public static final Predicate<Throwable> RETRYABLE = AwsErrors::isRetryable;

  /** Also retries 409 "resource in use": for steps that wait their turn behind another change. */
  public static final Predicate<Throwable> RETRYABLE_OR_BUSY =
      e -> AwsErrors.isRetryable(e) || AwsErrors.is(e, AwsErrors.Kind.IN_USE);

  public static <T> CompletableFuture<T> run(OperationContext context, ResourceRef resource,
      String step, Predicate<Throwable> retryOn, Supplier<T> blockingCall) {
    Instant started = context.now();
    context.started(resource, step, java.time.Duration.ZERO);
    Retry retry = Retry.of(resource + " " + step, config(context.engine().retrySettings(), retryOn));
    retry.getEventPublisher().onRetry(event -> context.retrying(resource, step,
        event.getNumberOfRetryAttempts(), event.getWaitInterval(),
        AwsErrors.describe(event.getLastThrowable())));
    Supplier<java.util.concurrent.CompletionStage<T>> attempt = () -> context.engine().call(() -> {
      context.checkNotCancelled();
      return blockingCall.get();
    });
    return retry.executeCompletionStage(context.engine().scheduler(), attempt)
        .toCompletableFuture()
        .whenComplete((value, error) -> {
          if (error == null) {
            context.succeeded(resource, step, started);
          }
        });
  }

  private static RetryConfig config(RetrySettings settings, Predicate<Throwable> retryOn) {
    return RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
            settings.multiplier(), RANDOMIZATION, settings.maxBackoff()))
        .retryOnException(error -> {
          Throwable cause = Failures.unwrap(error);
          return !(cause instanceof CancellationException) && retryOn.test(cause);
        })
        .build();
  }
}
