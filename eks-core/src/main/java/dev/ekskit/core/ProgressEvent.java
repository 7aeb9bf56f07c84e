package dev.ekskit.core;

import java.time.Duration;
import java.time.Instant;

/**
 * What an operation reports while it runs. Every event names the resource and the step, and carries
 * the time on the kit's clock. Subscribe with a {@link ProgressListener}.
 *
 * <pre>{@code
 * ProgressListener bar = event -> {
 *   if (event instanceof ProgressEvent.StatusObserved seen) {
 *     System.out.printf("%s %s after %s%n", seen.resource(), seen.status(), seen.elapsed());
 *   }
 * };
 * }</pre>
 */
public sealed interface ProgressEvent {
  Instant at();

  ResourceRef resource();

  /**
   * The step within the operation, e.g. {@code "create"}, {@code "wait ACTIVE"}, {@code "delete"}.
   */
  String step();

  /** A step began. {@code expected} is how long it typically takes, zero when unknown. */
  record StepStarted(Instant at, ResourceRef resource, String step, Duration expected)
      implements ProgressEvent {}

  /** A check saw the resource in {@code status}; {@code check} counts from 1. */
  record StatusObserved(
      Instant at, ResourceRef resource, String step, String status, Duration elapsed, int check)
      implements ProgressEvent {}

  /** A call failed in a way worth retrying; the next attempt comes after {@code backoff}. */
  record Retrying(
      Instant at, ResourceRef resource, String step, int attempt, Duration backoff, String reason)
      implements ProgressEvent {}

  /** A step finished well. */
  record StepSucceeded(Instant at, ResourceRef resource, String step, Duration elapsed)
      implements ProgressEvent {}

  /** A step failed; the operation ends with {@code error}. */
  record StepFailed(
      Instant at, ResourceRef resource, String step, Duration elapsed, EksKitException error)
      implements ProgressEvent {}
}
