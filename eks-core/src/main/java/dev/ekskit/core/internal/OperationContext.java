package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running operation: its resource, its deadline, whether it was cancelled, and the events it
 * publishes. Steps of the operation (and of its child resources) share it.
 */
public final class OperationContext {
  private final Engine engine;
  private final ResourceRef resource;
  private final ProgressListener extraListener;
  private final Instant deadline;
  private volatile boolean cancelled;
  private volatile String lastStatus = "NOT_STARTED";
  private final AtomicInteger checks = new AtomicInteger();
  private volatile String currentStep = "start";

  public OperationContext(Engine engine, ResourceRef resource, ProgressListener extraListener) {
    this.engine = engine;
    this.resource = resource;
    this.extraListener = extraListener;
    this.deadline = engine.clock().instant().plus(engine.operationDeadline());
  }

  public Engine engine() {
    return engine;
  }

  public ResourceRef resource() {
    return resource;
  }

  public Instant now() {
    return engine.clock().instant();
  }

  /** The whole operation must end by then, whatever the deadline of a single wait. */
  public Instant deadline() {
    return deadline;
  }

  public void cancel() {
    cancelled = true;
  }

  /**
   * Throws {@link CancellationException} if the operation was cancelled: call before each AWS call.
   */
  public void checkNotCancelled() {
    if (cancelled) {
      throw new CancellationException(resource + " operation was cancelled");
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public String lastStatus() {
    return lastStatus;
  }

  /** How many times the operation's own resource was checked so far. */
  public int checks() {
    return checks.get();
  }

  /** The step that started last, to name where an unexpected failure happened. */
  public String currentStep() {
    return currentStep;
  }

  public void started(ResourceRef on, String step, Duration expected) {
    currentStep = step;
    engine.publish(new ProgressEvent.StepStarted(now(), on, step, expected), extraListener);
  }

  public void observed(ResourceRef on, String step, String status, Duration elapsed, int check) {
    if (on.equals(resource)) {
      lastStatus = status;
      checks.incrementAndGet();
    }
    engine.publish(
        new ProgressEvent.StatusObserved(now(), on, step, status, elapsed, check), extraListener);
  }

  public void retrying(ResourceRef on, String step, int attempt, Duration backoff, String reason) {
    engine.publish(
        new ProgressEvent.Retrying(now(), on, step, attempt, backoff, reason), extraListener);
  }

  public void succeeded(ResourceRef on, String step, Instant startedAt) {
    engine.publish(
        new ProgressEvent.StepSucceeded(now(), on, step, Duration.between(startedAt, now())),
        extraListener);
  }

  public void failed(ResourceRef on, String step, Instant startedAt, EksKitException error) {
    engine.publish(
        new ProgressEvent.StepFailed(now(), on, step, Duration.between(startedAt, now()), error),
        extraListener);
  }
}
