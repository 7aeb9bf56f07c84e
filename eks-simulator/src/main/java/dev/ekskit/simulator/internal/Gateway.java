package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The one door into the simulated state: serializes calls, applies the fault rules, throttling and
 * injected failures around the action, runs after-commit hooks, and records each call with its
 * outcome.
 */
public final class Gateway {
  private final FaultPlan faults;
  private final CallLog log;
  private final Supplier<Instant> clock;
  private final Consumer<Duration> passTime;

  /** {@code passTime} moves virtual time on, for calls a fault rule delays. */
  public Gateway(
      FaultPlan faults, CallLog log, Supplier<Instant> clock, Consumer<Duration> passTime) {
    this.faults = faults;
    this.log = log;
    this.clock = clock;
    this.passTime = passTime;
  }

  /**
   * Runs {@code action}, the simulation's answer to {@code request} of {@code operation} (as AWS
   * names it), with every fault that applies; the request is read only by fault rules.
   */
  public synchronized <T> T call(
      Service service, String operation, Object request, Supplier<T> action) {
    Instant at = clock.get();
    T result;
    try {
      Optional<ScriptedFault.Answer> before =
          ruleAnswer(ScriptedFault.Phase.BEFORE_ACTING, service, operation, request);
      if (before.isPresent()) {
        T answer = before.get().decide();
        log.record(new Call(service.sdkName(), operation, at, 200, null));
        return answer;
      }
      if (faults.throttles(operation, at)) {
        throw Errors.throttled(service);
      }
      if (faults.failsBeforeActing(operation)) {
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
    // A rule after acting takes only an answer no hook has lost already.
    Optional<ScriptedFault.Answer> after =
        lost == null
            ? ruleAnswer(ScriptedFault.Phase.AFTER_ACTING, service, operation, request)
            : Optional.empty();
    if (after.isPresent()) {
      try {
        return after.get().decide();
      } catch (AwsServiceException e) {
        lost = e;
      }
    }
    if (lost == null && faults.losesAnswer(operation)) {
      lost = Errors.forStatus(service, 500);
    }
    if (lost != null) {
      log.replace(committed, failed(service, operation, at, lost));
      throw lost;
    }
    return result;
  }

  /**
   * The answer of the first fault rule that takes this call in {@code phase}, after the time it
   * lets pass; empty when none does or the rule only delays.
   */
  private Optional<ScriptedFault.Answer> ruleAnswer(
      ScriptedFault.Phase phase, Service service, String operation, Object request) {
    Optional<ScriptedFault.Answer> answer = faults.rules().take(phase, service, operation, request);
    answer.ifPresent(taken -> taken.passDelay(passTime));
    return answer.filter(ScriptedFault.Answer::decides);
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
