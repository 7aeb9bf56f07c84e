package dev.ekskit.core.internal.waits;

import dev.ekskit.core.PollingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The check times of one wait under a {@link PollingPolicy}, as offsets from its start: the check
 * at {@code firstCheck}, the planned ones after it (for a policy computed from durations), then one
 * every {@code interval}. Check {@code i} moves at random by up to ± {@code jitter / 2} of the gap
 * to the next one, so checks keep their order and many waits started together spread out; a check
 * at zero stays at zero (look at once).
 */
public final class CheckTimes {
  private final List<Duration> base;
  private final Duration interval;
  private final double jitter;

  public CheckTimes(PollingPolicy policy) {
    List<Duration> times = new ArrayList<>();
    Duration first = policy.firstCheck();
    for (Duration planned : policy.plannedChecks()) {
      if (planned.compareTo(first) > 0) {
        times.add(planned);
      }
    }
    times.add(0, first);
    this.base = List.copyOf(times);
    this.interval = policy.interval();
    this.jitter = policy.jitter();
  }

  /** Check {@code index} before jitter. */
  public Duration planned(int index) {
    if (index < base.size()) {
      return base.get(index);
    }
    return base.get(base.size() - 1).plus(interval.multipliedBy(index - base.size() + 1L));
  }

  /** The gap from check {@code index} to the next, before jitter. */
  public Duration gapAfter(int index) {
    return planned(index + 1).minus(planned(index));
  }

  /** The first check at or after {@code elapsed}, from {@code index} on. */
  public int firstFrom(int index, Duration elapsed) {
    int at = index;
    while (planned(at).compareTo(elapsed) < 0) {
      at++;
    }
    return at;
  }

  /**
   * The check to make next after one made {@code elapsed} from the start off this plan (the plan
   * changed since): the first planned check after it, or the one after that if the check just made
   * was nearer to it than to the one before, so that a new plan never checks again at once.
   */
  public int nextAfterCheckAt(Duration elapsed) {
    int next = firstFrom(0, elapsed);
    if (next > 0) {
      Duration toNext = planned(next).minus(elapsed);
      if (toNext.multipliedBy(2).compareTo(gapAfter(next - 1)) < 0) {
        next++;
      }
    }
    return next;
  }

  /** Check {@code index} moved by {@code uniform} (in [0, 1)): ± jitter / 2 of the gap after it. */
  public Duration jittered(int index, double uniform) {
    Duration planned = planned(index);
    if (planned.isZero()) {
      return planned;
    }
    long shift = Math.round(gapAfter(index).toMillis() * jitter * (uniform - 0.5));
    return planned.plusMillis(shift);
  }

  /** How stale a status another wait on the same resource just saw may be, to be used here. */
  public Duration sharingWindow(int index) {
    return Duration.ofMillis(Math.round(gapAfter(index).toMillis() * jitter));
  }
}
