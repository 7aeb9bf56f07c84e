package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The handle on work that {@code body} starts; the result is the future it returns. */
public final class DefaultOperation<T> implements Operation<T> {
  private final OperationContext context;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private DefaultOperation(OperationContext context) {
    this.context = context;
  }

  /** Starts {@code body} on the engine's executor and returns its handle at once. */
  public static <T> DefaultOperation<T> start(
      OperationContext context, Function<OperationContext, CompletableFuture<T>> body) {
    DefaultOperation<T> operation = new DefaultOperation<>(context);
    context.engine().track(operation);
    operation.result.whenComplete((value, error) -> context.engine().untrack(operation));
    context
        .engine()
        .call(() -> body.apply(context))
        .thenCompose(Function.identity())
        .whenComplete(
            (value, error) -> {
              if (error == null) {
                operation.result.complete(value);
              } else {
                operation.result.completeExceptionally(typed(context, Failures.unwrap(error)));
              }
            });
    return operation;
  }

  @Override
  public ResourceRef resource() {
    return context.resource();
  }

  @Override
  public CompletableFuture<T> completionFuture() {
    return result.copy();
  }

  @Override
  public T join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      throw rethrowable(e.getCause());
    }
  }

  @Override
  public T await(Duration timeout) {
    Instant start = context.now();
    CompletableFuture<T> bounded = new CompletableFuture<>();
    // Timed on the kit's scheduler, so a virtual clock times it too.
    ScheduledFuture<?> timer =
        context
            .engine()
            .scheduler()
            .schedule(
                () ->
                    bounded.completeExceptionally(
                        new WaitTimeoutException(
                            context.resource(),
                            Duration.between(start, context.now()),
                            context.checks(),
                            context.lastStatus(),
                            true)),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    // Cancelled where the result completes, not after this thread wakes: no timer outlives the
    // wait.
    result.whenComplete(
        (value, error) -> {
          timer.cancel(false);
          if (error == null) {
            bounded.complete(value);
          } else {
            bounded.completeExceptionally(error);
          }
        });
    try {
      return bounded.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EksKitException("Interrupted while waiting for " + context.resource(), e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    }
  }

  @Override
  public boolean cancel() {
    context.cancel();
    return result.completeExceptionally(
        new CancellationException(
            context.resource() + " operation was cancelled; nothing was deleted"));
  }

  void stopBecauseKitClosed() {
    context.cancel();
    result.completeExceptionally(
        new EksKitException(
            "The kit was closed while this operation ran; it stopped at step "
                + context.currentStep()
                + " with "
                + context.resource()
                + " last seen "
                + context.lastStatus()
                + ". Nothing was deleted: run the same operation on a new kit to resume."));
  }

  @Override
  public String lastStatus() {
    return context.lastStatus();
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  /** No raw AWS exception leaves an operation: it becomes one that names the step. */
  private static Throwable typed(OperationContext context, Throwable error) {
    if (error instanceof EksKitException || error instanceof CancellationException) {
      return error;
    }
    return new AwsCallException(
        context.resource(), context.currentStep(), AwsErrors.describe(error), error);
  }

  private static RuntimeException rethrowable(Throwable error) {
    if (error instanceof RuntimeException runtime) {
      return runtime;
    }
    return new EksKitException(error.getMessage(), error);
  }
}
