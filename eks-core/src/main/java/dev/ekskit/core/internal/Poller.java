package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.WaitTimeoutException;
import dev.ekskit.core.internal.Probes.Probe;
import dev.ekskit.core.internal.waits.CheckTimes;
import dev.ekskit.core.internal.waits.Pace;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for a resource by checking it at the {@link CheckTimes} of its {@link PollingPolicy}, until
 * the policy's deadline or the operation's, whichever comes first. A policy computed from durations
 * is stretched or shrunk to the pace the kit has learnt for its kind ({@link Pace}), at the start
 * and whenever the pace moves. A throttled check is tried again after about a second (jittered by
 * half, at most {@code maxInterval}) or at the next planned check if that comes sooner, and never
 * ends the wait; the plan itself does not move. Slowing down is the kit-wide call rate's job
 * ({@link dev.ekskit.core.internal.waits.AdaptiveRate}): a backoff per wait that doubled would only
 * add detection lag, as throttles at random showed in eks-bench. No thread is held between checks,
 * and no check is made once the operation stopped.
 */
final class Poller<T> {
  /** Network faults and 5xx in a row that end a wait; a single one never does. */
  private static final int MAX_CONSECUTIVE_FAULTS = 10;

  private static final Duration THROTTLE_BACKOFF = Duration.ofSeconds(1);
  private static final double THROTTLE_JITTER = 0.5;

  private final OperationScope scope;
  private final String step;
  private final PollingPolicy policy;
  private final Probe<T> probe;

  /** How fast this kind runs today; null for a fixed policy. */
  private final Pace pace;

  /** What this wait tells the pace; null when it says nothing (see the constructor). */
  private final Pace.Wait paced;

  private double scale;
  private CheckTimes times;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final Instant start;
  private final Instant policyDeadline;
  private int index;
  private int checks;
  private int consecutiveFaults;
  private String lastStatus = "UNKNOWN";

  private Poller(OperationScope scope, String step, PollingPolicy policy, Probe<T> probe) {
    this.scope = scope;
    this.step = step;
    this.policy = policy;
    this.probe = probe;
    this.start = scope.now();
    this.pace = policy.expected() == null ? null : scope.engine().pace(policy.expected());
    // A wait that looks at once joined a transition already under way (adopted, resumed): how long
    // it waits says nothing of how long the transition takes.
    this.paced = pace == null || policy.firstCheck().isZero() ? null : pace.started();
    this.scale = pace == null ? 1 : pace.scale();
    this.times = new CheckTimes(policy.scaled(scale));
    this.policyDeadline = start.plus(policy.deadline());
  }

  static <T> CompletableFuture<T> await(
      OperationScope scope, String step, PollingPolicy policy, Probe<T> probe) {
    Poller<T> poller = new Poller<>(scope, step, policy, probe);
    scope.started(step, policy.typical());
    poller.result.whenComplete((value, error) -> probe.done());
    poller.scheduleAt(poller.times.jittered(0, scope.engine().uniform()));
    return poller.result;
  }

  /** Schedules the next check at {@code offset} from the start, cut at the deadline. */
  private void scheduleAt(Duration offset) {
    Instant deadline =
        policyDeadline.isBefore(scope.deadline()) ? policyDeadline : scope.deadline();
    Instant now = scope.now();
    if (!now.isBefore(deadline)) {
      fail(
          policyDeadline.isBefore(scope.deadline())
              ? new WaitTimeoutException(scope.resource(), elapsed(), checks, lastStatus, false)
              : scope.state().stop(scope.state().deadlinePassed()));
      return;
    }
    Instant at = start.plus(offset);
    if (at.isAfter(deadline)) {
      at = deadline;
    }
    Duration delay = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    scope.engine().schedule(delay, this::checkOnce);
  }

  private void scheduleNextPlanned() {
    if (paced != null) {
      paced.stillRunning(elapsed());
    }
    double now = pace == null ? scale : pace.scale();
    if (now != scale) {
      // The kind runs faster or slower than planned for: plan the rest for the new pace.
      scale = now;
      times = new CheckTimes(policy.scaled(scale));
      index = times.nextAfterCheckAt(elapsed());
    } else {
      index = times.firstFrom(index + 1, elapsed());
    }
    scheduleAt(max(times.jittered(index, scope.engine().uniform()), elapsed()));
  }

  private void checkOnce() {
    EksKitException stopped = scope.state().stopped();
    if (stopped != null) {
      fail(stopped);
      return;
    }
    checks++;
    scope.state().attempted(null);
    CompletableFuture<Readiness<T>> found;
    try {
      found = probe.check(times.sharingWindow(index));
    } catch (RuntimeException e) {
      onCheckError(e);
      return;
    }
    found.whenComplete(
        (readiness, error) -> {
          if (error != null) {
            onCheckError(AwsErrors.unwrap(error));
          } else {
            onFound(readiness);
          }
        });
  }

  private void onFound(Readiness<T> found) {
    consecutiveFaults = 0;
    lastStatus = found.status();
    scope.observed(step, found.status(), elapsed(), checks);
    if (found instanceof Readiness.Ready<T> ready) {
      if (paced != null) {
        paced.done(elapsed());
      }
      scope.succeeded(step, start);
      result.complete(ready.value());
    } else if (found instanceof Readiness.Failed<T> failed) {
      fail(failed.error());
    } else {
      scheduleNextPlanned();
    }
  }

  private void onCheckError(Throwable error) {
    AwsErrors.Kind kind = AwsErrors.classify(error);
    if (kind == AwsErrors.Kind.THROTTLED) {
      Duration backoff = throttleBackoff();
      scope.retrying(step, checks, backoff, AwsErrors.describe(error));
      retryAfter(backoff);
    } else if (kind == AwsErrors.Kind.TRANSIENT && ++consecutiveFaults < MAX_CONSECUTIVE_FAULTS) {
      Duration backoff = times.gapAfter(index);
      scope.retrying(step, checks, backoff, AwsErrors.describe(error));
      retryAfter(backoff);
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

  /** Again after {@code backoff}, or at the next planned check if that comes sooner. */
  private void retryAfter(Duration backoff) {
    Duration retry = elapsed().plus(backoff);
    int next = times.firstFrom(index + 1, elapsed());
    Duration planned = times.jittered(next, scope.engine().uniform());
    if (planned.compareTo(retry) < 0) {
      index = next;
      scheduleAt(max(planned, elapsed()));
    } else {
      scheduleAt(retry);
    }
  }

  private Duration throttleBackoff() {
    Duration most = policy.maxInterval();
    Duration capped = THROTTLE_BACKOFF.compareTo(most) < 0 ? THROTTLE_BACKOFF : most;
    return scope.engine().jittered(capped, THROTTLE_JITTER);
  }

  private void fail(EksKitException error) {
    if (paced != null) {
      paced.abandoned();
    }
    scope.failed(step, start, error);
    result.completeExceptionally(error);
  }

  private Duration elapsed() {
    return Duration.between(start, scope.now());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) > 0 ? a : b;
  }
}
