package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.Call;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The one door into the simulated state: serializes calls, applies throttling and injected failures
 * around the action, runs after-commit hooks, and records each call with its outcome.
 */
public final class Gateway {
  private final FaultPlan faults;
  private final CallLog log;
  private final Supplier<Instant> clock;

  public Gateway(FaultPlan faults, CallLog log, Supplier<Instant> clock) {
    this.faults = faults;
    this.log = log;
    this.clock = clock;
  }

  public synchronized <T> T call(Service service, String operation, Supplier<T> action) {
    Instant at = clock.get();
    T result;
    try {
      if (faults.throttles(operation, at)) {
        throw Errors.throttled(service);
      }
      if (faults.failsBeforeActing()) {
        throw Errors.forStatus(service, 500);
      }
      faults
          .takeFailure(operation)
          .ifPresent(
              status -> {
                throw Errors.forStatus(service, status);
              });
      result = action.get();
    } catch (AwsServiceException e) {
      log.record(failed(service, operation, at, e));
      throw e;
    }
    // Recorded before the hooks run: a hook that stops the caller's operation wakes a test that
    // may read the calls at once.
    Call committed = new Call(service.sdkName(), operation, at, 200, null);
    log.record(committed);
    AwsServiceException lost = runAfterCommit(service, operation);
    if (lost == null && faults.losesAnswer(operation)) {
      lost = Errors.forStatus(service, 500);
    }
    if (lost != null) {
      log.replace(committed, failed(service, operation, at, lost));
      throw lost;
    }
    return result;
  }

  private static Call failed(
      Service service, String operation, Instant at, AwsServiceException error) {
    return new Call(service.sdkName(), operation, at, error.statusCode(), errorCode(error));
  }

  /** A hook may throw an error it built itself, without details: still a failed call. */
  private static String errorCode(AwsServiceException e) {
    AwsErrorDetails details = e.awsErrorDetails();
    return details == null || details.errorCode() == null ? "Unknown" : details.errorCode();
  }

  /**
   * Runs every hook due after this committed call, all of them even when one throws: the state
   * change stays, and the first AWS error a hook threw is the answer (a lost response), or null.
   */
  private AwsServiceException runAfterCommit(Service service, String operation) {
    AwsServiceException lost = null;
    for (CommitHooks.Hook hook : faults.takeDueHooks(operation)) {
      try {
        hook.run(service);
      } catch (AwsServiceException e) {
        if (lost == null) {
          lost = e;
        } else {
          lost.addSuppressed(e);
        }
      }
    }
    return lost;
  }

  /** Runs a setup action under the same lock, without faults and without recording it. */
  public synchronized <T> T unrecorded(Supplier<T> action) {
    return action.get();
  }
}
