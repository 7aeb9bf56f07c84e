package dev.ekskit.core;

import java.time.Duration;

/**
 * A wait ran out of time. When thrown by {@link Operation#await(Duration)} the work goes on in the
 * background ({@link #workContinues()} is true); when a polling deadline ran out, the operation has
 * ended. Either way nothing was deleted: the resource is in {@link #lastStatus()}.
 */
public class WaitTimeoutException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final Duration elapsed;
  private final int attempts;
  private final String lastStatus;
  private final boolean workContinues;

  public WaitTimeoutException(
      ResourceRef resource,
      Duration elapsed,
      int attempts,
      String lastStatus,
      boolean workContinues) {
    this(
        "Timed out after "
            + dev.ekskit.core.internal.Durations.text(elapsed)
            + " waiting for "
            + resource
            + " ("
            + attempts
            + " checks, last status "
            + lastStatus
            + ")"
            + (workContinues ? "; the operation continues in the background" : ""),
        resource,
        elapsed,
        attempts,
        lastStatus,
        workContinues);
  }

  /** With a message of the caller's, e.g. one that names the step an operation deadline cut. */
  public WaitTimeoutException(
      String message,
      ResourceRef resource,
      Duration elapsed,
      int attempts,
      String lastStatus,
      boolean workContinues) {
    super(message);
    this.resource = resource;
    this.elapsed = elapsed;
    this.attempts = attempts;
    this.lastStatus = lastStatus;
    this.workContinues = workContinues;
  }

  public ResourceRef resource() {
    return resource;
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** How many times the resource was checked. */
  public int attempts() {
    return attempts;
  }

  public String lastStatus() {
    return lastStatus;
  }

  public boolean workContinues() {
    return workContinues;
  }
}
