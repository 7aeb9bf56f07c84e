package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.StepRetries;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one step: a blocking call on the kit's executor, retried through resilience4j as its {@link
 * StepBudget} allows, never after the operation stopped. Publishes {@code StepStarted}, {@code
 * Retrying} per retry, and exactly one {@code StepSucceeded} or {@code StepFailed}; fails only with
 * an {@link EksKitException} (an AWS error becomes an {@link AwsCallException} that keeps it as its
 * cause).
 */
final class StepRunner {
  private StepRunner() {}

  static <T> CompletableFuture<T> run(
      OperationScope scope, String step, StepRetries retries, Supplier<T> blockingCall) {
    Engine engine = scope.engine();
    OperationState state = scope.state();
    Instant started = scope.now();
    scope.started(step, Duration.ZERO);
    StepBudget budget = new StepBudget(state, retries, engine);
    Retry retry =
        Retry.of(
            scope.resource() + " " + step,
            RetryConfig.custom()
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnException(budget::allowsRetry)
                .intervalBiFunction((attempt, outcome) -> budget.backoff().toMillis())
                .build());
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                scope.retrying(
                    step,
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval(),
                    AwsErrors.describe(event.getLastThrowable())));
    Supplier<CompletionStage<T>> attempt =
        () ->
            engine.call(
                () -> {
                  scope.checkActive();
                  try {
                    T value = blockingCall.get();
                    state.attempted(null);
                    return value;
                  } catch (RuntimeException e) {
                    state.attempted(AwsErrors.describe(e));
                    throw e;
                  }
                });
    return retry
        .executeCompletionStage(engine.scheduler(), attempt)
        .toCompletableFuture()
        .handle(
            (value, error) -> {
              if (error == null) {
                scope.succeeded(step, started);
                return CompletableFuture.completedFuture(value);
              }
              EksKitException failure = typed(scope, step, budget, AwsErrors.unwrap(error));
              scope.failed(step, started, failure);
              return CompletableFuture.<T>failedFuture(failure);
            })
        .thenCompose(Function.identity());
  }

  private static EksKitException typed(
      OperationScope scope, String step, StepBudget budget, Throwable error) {
    if (error instanceof EksKitException known) {
      return known;
    }
    EksKitException stopped = scope.state().stopped();
    if (stopped != null) {
      return stopped;
    }
    int attempts = budget.attempts();
    return new AwsCallException(
        scope.resource(),
        step,
        AwsErrors.describe(error) + (attempts > 1 ? " (after " + attempts + " attempts)" : ""),
        error);
  }
}
