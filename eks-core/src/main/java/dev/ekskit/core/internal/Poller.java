package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Waits for a resource by checking it on a {@link PollingPolicy}: the first check near the typical
 * duration, later ones at a jittered interval, slower while AWS throttles (a throttle never ends a
 * wait), and a deadline. No thread is held between checks.
 */
public final class Poller<T> {
  /** Network faults and 5xx in a row that end a wait; a single one never does. */
  private static final int MAX_CONSECUTIVE_FAULTS = 10;

  private final OperationContext context;
  private final ResourceRef resource;
  private final String step;
  private final PollingPolicy policy;
  private final Supplier<Readiness<T>> check;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final Instant start;
  private final Instant deadline;
  private Duration interval;
  private int checks;
  private int consecutiveFaults;
  private String lastStatus = "UNKNOWN";

  private Poller(
      OperationContext context,
      ResourceRef resource,
      String step,
      PollingPolicy policy,
      Supplier<Readiness<T>> check) {
    this.context = context;
    this.resource = resource;
    this.step = step;
    this.policy = policy;
    this.check = check;
    this.start = context.now();
    Instant policyDeadline = start.plus(policy.deadline());
    this.deadline =
        policyDeadline.isBefore(context.deadline()) ? policyDeadline : context.deadline();
    this.interval = policy.interval();
  }

  /**
   * Waits until {@code check} says ready or failed.
   *
   * @param check a blocking describe-and-classify; it maps "not found" itself where that is an
   *     answer
   */
  public static <T> CompletableFuture<T> await(
      OperationContext context,
      ResourceRef resource,
      String step,
      PollingPolicy policy,
      Supplier<Readiness<T>> check) {
    Poller<T> poller = new Poller<>(context, resource, step, policy, check);
    context.started(resource, step, policy.typical());
    poller.scheduleCheck(policy.firstCheck());
    return poller.result;
  }

  private void scheduleCheck(Duration delay) {
    Duration remaining = Duration.between(context.now(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      fail(new WaitTimeoutException(resource, elapsed(), checks, lastStatus, false));
      return;
    }
    context.engine().schedule(delay.compareTo(remaining) < 0 ? delay : remaining, this::checkOnce);
  }

  private void checkOnce() {
    if (context.isCancelled()) {
      result.completeExceptionally(new CancellationException(resource + " wait was cancelled"));
      return;
    }
    checks++;
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
    context.observed(resource, step, found.status(), elapsed(), checks);
    if (found instanceof Readiness.Ready<T> ready) {
      context.succeeded(resource, step, start);
      result.complete(ready.value());
    } else if (found instanceof Readiness.Failed<T> failed) {
      fail(failed.error());
    } else {
      scheduleCheck(context.engine().jittered(interval, policy.jitter()));
    }
  }

  private void onCheckError(RuntimeException error) {
    AwsErrors.Kind kind = AwsErrors.classify(error);
    if (kind == AwsErrors.Kind.THROTTLED) {
      interval = min(interval.multipliedBy(2), policy.maxInterval());
      context.retrying(resource, step, checks, interval, AwsErrors.describe(error));
      scheduleCheck(context.engine().jittered(interval, policy.jitter()));
    } else if (kind == AwsErrors.Kind.TRANSIENT && ++consecutiveFaults < MAX_CONSECUTIVE_FAULTS) {
      context.retrying(resource, step, checks, interval, AwsErrors.describe(error));
      scheduleCheck(context.engine().jittered(interval, policy.jitter()));
    } else {
      fail(
          new AwsCallException(
              resource,
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

  private void fail(dev.ekskit.core.EksKitException error) {
    context.failed(resource, step, start, error);
    result.completeExceptionally(error);
  }

  private Duration elapsed() {
    return Duration.between(start, context.now());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
