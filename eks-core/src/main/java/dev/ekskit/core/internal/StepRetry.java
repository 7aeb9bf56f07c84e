package dev.ekskit.core.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

  public static <T> CompletableFuture<T> run(
      OperationContext context,
      ResourceRef resource,
      String step,
      Predicate<Throwable> retryOn,
      Supplier<T> blockingCall) {
    return run(context, resource, step, retryOn, context.engine().retrySettings(), blockingCall);
  }

  /** As above, with its own retry budget instead of the kit's. */
  public static <T> CompletableFuture<T> run(
      OperationContext context,
      ResourceRef resource,
      String step,
      Predicate<Throwable> retryOn,
      RetrySettings settings,
      Supplier<T> blockingCall) {
    Instant started = context.now();
    context.started(resource, step, Duration.ZERO);
    Retry retry = Retry.of(resource + " " + step, config(context.engine(), settings, retryOn));
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                context.retrying(
                    resource,
                    step,
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval(),
                    AwsErrors.describe(event.getLastThrowable())));
    Supplier<CompletionStage<T>> attempt =
        () ->
            context
                .engine()
                .call(
                    () -> {
                      context.checkNotCancelled();
                      return blockingCall.get();
                    });
    return retry
        .executeCompletionStage(context.engine().scheduler(), attempt)
        .toCompletableFuture()
        .whenComplete(
            (value, error) -> {
              if (error == null) {
                context.succeeded(resource, step, started);
              }
            });
  }

  private static RetryConfig config(
      Engine engine, RetrySettings settings, Predicate<Throwable> retryOn) {
    return RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        // Exponential with jitter from the engine's random, so a seeded kit repeats its delays.
        .intervalBiFunction(
            (attempt, outcome) ->
                engine.jittered(backoff(settings, attempt), RANDOMIZATION).toMillis())
        .retryOnException(
            error -> {
              Throwable cause = Failures.unwrap(error);
              return !(cause instanceof CancellationException) && retryOn.test(cause);
            })
        .build();
  }

  private static Duration backoff(RetrySettings settings, int attempt) {
    double millis =
        settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), attempt - 1);
    return millis >= settings.maxBackoff().toMillis()
        ? settings.maxBackoff()
        : Duration.ofMillis((long) millis);
  }
}
