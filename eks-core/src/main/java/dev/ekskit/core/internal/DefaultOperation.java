package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitTimeoutException;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The handle on work that a body starts; the result is the future it returns, or the reason the
 * operation stopped (cancelled, deadline passed, kit closed), whichever comes first.
 */
public final class DefaultOperation<T> implements Operation<T> {
  private final OperationState state;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private DefaultOperation(OperationState state) {
    this.state = state;
  }

  static <T> DefaultOperation<T> start(
      OperationState state, Function<Scope, CompletableFuture<T>> body) {
    DefaultOperation<T> operation = new DefaultOperation<>(state);
    Engine engine = state.engine();
    engine.track(operation);
    // The body runs in the caller's thread: it only composes steps (each call goes to the
    // executor), and what it does first, such as taking a turn, happens in the order of calls.
    starting(body, new OperationScope(state, state.root()))
        .whenComplete(
            (value, error) -> {
              if (error == null) {
                operation.result.complete(value);
              } else {
                operation.result.completeExceptionally(typed(state, AwsErrors.unwrap(error)));
              }
            });
    // The deadline ends the operation even while a call hangs or its turn has not come. Scheduled
    // after the body, so that a virtual clock never reaches it before the body has started.
    ScheduledFuture<?> deadline =
        engine
            .scheduler()
            .schedule(
                () -> operation.stop(state.deadlinePassed()),
                Math.max(0, Duration.between(state.now(), state.deadline()).toMillis()),
                TimeUnit.MILLISECONDS);
    operation.result.whenComplete(
        (value, error) -> {
          deadline.cancel(false);
          engine.untrack(operation);
        });
    return operation;
  }

  private static <T> CompletableFuture<T> starting(
      Function<Scope, CompletableFuture<T>> body, OperationScope root) {
    try {
      return body.apply(root);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public ResourceRef resource() {
    return state.root();
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
    Instant start = state.now();
    CompletableFuture<T> bounded = new CompletableFuture<>();
    // Timed on the kit's scheduler, so a virtual clock times it too.
    ScheduledFuture<?> timer =
        state
            .engine()
            .scheduler()
            .schedule(
                () ->
                    bounded.completeExceptionally(
                        new WaitTimeoutException(
                            state.root(),
                            Duration.between(start, state.now()),
                            state.checks(),
                            state.lastStatus(),
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
      throw new EksKitException("Interrupted while waiting for " + state.root(), e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    }
  }

  @Override
  public boolean cancel() {
    return stop(state.cancelled("the operation was cancelled"));
  }

  void stopBecauseKitClosed() {
    stop(state.cancelled("the kit was closed while the operation ran"));
  }

  private boolean stop(EksKitException reason) {
    return result.completeExceptionally(state.stop(reason));
  }

  @Override
  public String lastStatus() {
    return state.lastStatus();
  }

  @Override
  public boolean isDone() {
    return result.isDone();
  }

  /** No raw AWS or JDK exception leaves an operation: it becomes one that names the step. */
  private static Throwable typed(OperationState state, Throwable error) {
    if (error instanceof EksKitException) {
      return error;
    }
    if (error instanceof CancellationException) {
      return state.stop(state.cancelled("the operation was cancelled"));
    }
    return new AwsCallException(
        state.root(), state.currentStep(), AwsErrors.describe(error), error);
  }

  private static RuntimeException rethrowable(Throwable error) {
    if (error instanceof RuntimeException runtime) {
      return runtime;
    }
    return new EksKitException(error.getMessage(), error);
  }
}
