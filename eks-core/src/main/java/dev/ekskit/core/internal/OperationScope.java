package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.SharedDescribe;
import dev.ekskit.core.spi.StepRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** A {@link Scope}: one resource's view of a running operation. */
final class OperationScope implements Scope {
  private final OperationState state;
  private final ResourceRef resource;

  OperationScope(OperationState state, ResourceRef resource) {
    this.state = state;
    this.resource = resource;
  }

  OperationState state() {
    return state;
  }

  Engine engine() {
    return state.engine();
  }

  @Override
  public ResourceRef resource() {
    return resource;
  }

  @Override
  public Instant now() {
    return state.now();
  }

  @Override
  public Instant deadline() {
    return state.deadline();
  }

  @Override
  public boolean isStopped() {
    return state.stopped() != null;
  }

  /** Throws the reason the operation stopped, if it did: call before each AWS call. */
  void checkActive() {
    EksKitException reason = state.stopped();
    if (reason != null) {
      throw reason;
    }
  }

  @Override
  public Scope child(ResourceRef childResource) {
    return new OperationScope(state, childResource);
  }

  @Override
  public PollingPolicy policy(WaitKind kind) {
    return engine().policy(kind);
  }

  @Override
  public <T> CompletableFuture<T> call(String step, StepRetries retries, Supplier<T> blockingCall) {
    return StepRunner.run(this, step, retries, blockingCall);
  }

  @Override
  public <T> CompletableFuture<T> read(String step, Supplier<T> blockingReads) {
    ReadMemo memo = new ReadMemo(); // one per step: its retries share it
    return StepRunner.run(this, step, StepRetries.reads(), () -> memo.during(blockingReads));
  }

  @Override
  public <T> CompletableFuture<T> await(
      String step, PollingPolicy policy, Supplier<Readiness<T>> check) {
    return Poller.await(this, step, policy, Probes.plain(this, check));
  }

  @Override
  public <R, T> CompletableFuture<T> await(
      String step,
      PollingPolicy policy,
      SharedDescribe<R> describe,
      Function<R, Readiness<T>> readiness) {
    return Poller.await(this, step, policy, Probes.shared(this, describe, readiness));
  }

  @Override
  public void observed(String step, String status) {
    observed(step, status, Duration.ZERO, 1);
  }

  @Override
  public <I, T> CompletableFuture<List<T>> sequence(
      List<I> items, Function<I, CompletableFuture<T>> each) {
    return Composition.sequence(this, items, each);
  }

  @Override
  public <I, T> CompletableFuture<List<T>> parallel(
      List<I> items, int parallelism, Function<I, CompletableFuture<T>> each) {
    return Composition.parallel(this, items, parallelism, each);
  }

  @Override
  public <T> CompletableFuture<T> serialized(String key, Supplier<CompletableFuture<T>> work) {
    return engine()
        .turns()
        .enqueue(
            key,
            () -> {
              EksKitException reason = state.stopped();
              return reason != null ? CompletableFuture.failedFuture(reason) : work.get();
            });
  }

  void started(String step, Duration expected) {
    state.stepStarted(step);
    state.publish(new ProgressEvent.StepStarted(now(), resource, step, expected));
  }

  void observed(String step, String status, Duration elapsed, int check) {
    state.statusSeen(resource, status);
    state.publish(new ProgressEvent.StatusObserved(now(), resource, step, status, elapsed, check));
  }

  void retrying(String step, int attempt, Duration backoff, String reason) {
    state.publish(new ProgressEvent.Retrying(now(), resource, step, attempt, backoff, reason));
  }

  void succeeded(String step, Instant startedAt) {
    state.publish(
        new ProgressEvent.StepSucceeded(now(), resource, step, Duration.between(startedAt, now())));
  }

  void failed(String step, Instant startedAt, EksKitException error) {
    state.publish(
        new ProgressEvent.StepFailed(
            now(), resource, step, Duration.between(startedAt, now()), error));
  }
}
