package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.WaitTimeoutException;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Waits for a resource by checking it on a {@link PollingPolicy}: the first check near the typical
 * duration, later ones at a jittered interval, slower while AWS throttles (a throttle never ends a
 * wait), until the policy's deadline or the operation's, whichever comes first. No thread is held
 * between checks, and no check is made once the operation stopped.
 */
final class Poller<T> {
  /** Network faults and 5xx in a row that end a wait; a single one never does. */
  private static final int MAX_CONSECUTIVE_FAULTS = 10;

  private final OperationScope scope;
  private final String step;
  private final PollingPolicy policy;
  private final Supplier<Readiness<T>> check;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final Instant start;
  private final Instant policyDeadline;
  private Duration interval;
  private int checks;
  private int consecutiveFaults;
  private String lastStatus = "UNKNOWN";

  private Poller(
      OperationScope scope, String step, PollingPolicy policy, Supplier<Readiness<T>> check) {
    this.scope = scope;
    this.step = step;
    this.policy = policy;
    this.check = check;
    this.start = scope.now();
    this.policyDeadline = start.plus(policy.deadline());
    this.interval = policy.interval();
  }

  static <T> CompletableFuture<T> await(
      OperationScope scope, String step, PollingPolicy policy, Supplier<Readiness<T>> check) {
    Poller<T> poller = new Poller<>(scope, step, policy, check);
    scope.started(step, policy.typical());
    poller.scheduleCheck(policy.firstCheck());
    return poller.result;
  }

  private void scheduleCheck(Duration delay) {
    Instant deadline = policyDeadline.isBefore(scope.deadline()) ? policyDeadline : scope.deadline();
    Duration remaining = Duration.between(scope.now(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      fail(
          policyDeadline.isBefore(scope.deadline())
              ? new WaitTimeoutException(scope.resource(), elapsed(), checks, lastStatus, false)
              : scope.state().stop(scope.state().deadlinePassed()));
      return;
    }
    scope.engine().schedule(delay.compareTo(remaining) < 0 ? delay : remaining, this::checkOnce);
  }

  private void checkOnce() {
    EksKitException stopped = scope.state().stopped();
    if (stopped != null) {
      fail(stopped);
      return;
    }
    checks++;
    scope.state().attempted(null);
    Readiness<T> found;
    try {
      found = check.get();
    } catch (RuntimeException e) {
      onCheckError(e);
      return;
    }
    consecutiveFaults = 0;
    interval = policy.interval();
    lastStatus = found.status();
    scope.observed(step, found.status(), elapsed(), checks);
    if (found instanceof Readiness.Ready<T> ready) {
      scope.succeeded(step, start);
      result.complete(ready.value());
    } else if (found instanceof Readiness.Failed<T> failed) {
      fail(failed.error());
    } else {
      scheduleCheck(scope.engine().jittered(interval, policy.jitter()));
    }
  }

  private void onCheckError(RuntimeException error) {
    AwsErrors.Kind kind = AwsErrors.classify(error);
    if (kind == AwsErrors.Kind.THROTTLED) {
      interval = min(interval.multipliedBy(2), policy.maxInterval());
      scope.retrying(step, checks, interval, AwsErrors.describe(error));
      scheduleCheck(scope.engine().jittered(interval, policy.jitter()));
    } else if (kind == AwsErrors.Kind.TRANSIENT && ++consecutiveFaults < MAX_CONSECUTIVE_FAULTS) {
      scope.retrying(step, checks, interval, AwsErrors.describe(error));
      scheduleCheck(scope.engine().jittered(interval, policy.jitter()));
    } else if (error instanceof EksKitException known) {
      fail(known);
    } else {
      fail(
          new AwsCallException(
              scope.resource(),
              step,
              "checking its status failed after "
                  + checks
                  + " checks (last status "
                  + lastStatus
                  + "): "
                  + AwsErrors.describe(error),
              error));
    }
  }

  private void fail(EksKitException error) {
    scope.failed(step, start, error);
    result.completeExceptionally(error);
  }

  private Duration elapsed() {
    return Duration.between(start, scope.now());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
