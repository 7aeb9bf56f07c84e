package dev.ekskit.testkit.internal;

import dev.ekskit.testkit.Call;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The one door into the simulated state: serializes calls, applies throttling and injected failures
 * around the action, and records each call with its outcome.
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
    try {
      if (faults.throttles(operation, at)) {
        throw Errors.throttled(service);
      }
      faults
          .takeFailure(operation, false)
          .ifPresent(
              status -> {
                throw Errors.forStatus(service, status);
              });
      T result = action.get();
      // Commit-then-fail: the state change above stays, the caller still sees an error.
      faults
          .takeFailure(operation, true)
          .ifPresent(
              status -> {
                throw Errors.forStatus(service, status);
              });
      log.record(new Call(service.sdkName(), operation, at, 200, null));
      return result;
    } catch (AwsServiceException e) {
      log.record(
          new Call(
              service.sdkName(), operation, at, e.statusCode(), e.awsErrorDetails().errorCode()));
      throw e;
    }
  }

  /** Runs a setup action under the same lock, without faults and without recording it. */
  public synchronized <T> T unrecorded(Supplier<T> action) {
    return action.get();
  }
}
