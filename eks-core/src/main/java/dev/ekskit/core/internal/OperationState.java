package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every scope of one operation shares: its deadline, whether and why it stopped, what it is
 * doing now, and where its events go. The first stop wins; once stopped, it stays stopped.
 */
final class OperationState {
  private final Engine engine;
  private final ResourceRef root;
  private final ProgressListener extraListener;
  private final Instant started;
  private final Duration allowed;
  private final Instant deadline;
  private final AtomicReference<EksKitException> stop = new AtomicReference<>();
  private final AtomicInteger checks = new AtomicInteger();
  private volatile String lastStatus = "NOT_STARTED";
  private volatile String currentStep = "start";
  private volatile int stepAttempts;
  private volatile String lastError = "";

  OperationState(
      Engine engine, ResourceRef root, ProgressListener extraListener, Duration allowed) {
    this.engine = engine;
    this.root = root;
    this.extraListener = extraListener;
    this.allowed = allowed;
    this.started = engine.clock().instant();
    this.deadline = started.plus(allowed);
  }

  Engine engine() {
    return engine;
  }

  ResourceRef root() {
    return root;
  }

  Instant now() {
    return engine.clock().instant();
  }

  Instant deadline() {
    return deadline;
  }

  /** Why the operation stopped, or null while it runs. Also stops it once the deadline passed. */
  EksKitException stopped() {
    EksKitException reason = stop.get();
    if (reason == null && !now().isBefore(deadline)) {
      return stop(deadlinePassed());
    }
    return reason;
  }

  /**
   * Stops the operation for {@code reason} unless it stopped already; returns the reason that
   * holds.
   */
  EksKitException stop(EksKitException reason) {
    return stop.compareAndExchange(null, reason) == null ? reason : stop.get();
  }

  EksKitException cancelled(String why) {
    return new OperationCancelledException(root, currentStep, why);
  }

  /** The error an operation that ran out of time ends with: the step, attempts and last error. */
  EksKitException deadlinePassed() {
    String lastFailure = lastError.isEmpty() ? "" : "; last error: " + lastError;
    return new WaitTimeoutException(
        root
            + ": the operation deadline of "
            + Durations.text(allowed)
            + " passed after "
            + Durations.text(Duration.between(started, now()))
            + ", at step "
            + currentStep
            + " after "
            + stepAttempts
            + (stepAttempts == 1 ? " attempt" : " attempts")
            + lastFailure
            + ". No further AWS call is made and nothing was deleted: run the same operation again"
            + " to resume.",
        root,
        Duration.between(started, now()),
        Math.max(stepAttempts, checks.get()),
        lastStatus,
        false);
  }

  String lastStatus() {
    return lastStatus;
  }

  int checks() {
    return checks.get();
  }

  String currentStep() {
    return currentStep;
  }

  void stepStarted(String step) {
    currentStep = step;
    stepAttempts = 0;
    lastError = "";
  }

  void attempted(String error) {
    stepAttempts++;
    if (error != null) {
      lastError = error;
    }
  }

  void statusSeen(ResourceRef on, String status) {
    if (on.equals(root)) {
      lastStatus = status;
      checks.incrementAndGet();
    }
  }

  void publish(ProgressEvent event) {
    engine.publish(event, extraListener);
  }
}
