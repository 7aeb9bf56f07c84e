package dev.ekskit.bench;

import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * The time an AWS call spends on the network and in the service: a delay drawn uniformly from a
 * range, from a seed, and held on the calling thread as a blocking SDK call holds it. Also counts
 * the calls in flight, to show how many of the kit's threads were busy at once.
 */
final class InjectedLatency {
  private final long minNanos;
  private final long maxNanos;
  private final Random random;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  private InjectedLatency(long minMillis, long maxMillis, long seed) {
    if (minMillis < 0 || maxMillis < minMillis) {
      throw new IllegalArgumentException(
          "Latency range must be MIN-MAX milliseconds with 0 <= MIN <= MAX: "
              + minMillis
              + "-"
              + maxMillis);
    }
    this.minNanos = TimeUnit.MILLISECONDS.toNanos(minMillis);
    this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
    this.random = new Random(seed);
  }

  /** A range such as {@code 20-50}, in milliseconds. */
  static InjectedLatency parse(String millisRange, long seed) {
    String[] bounds = millisRange.trim().split("-", 2);
    if (bounds.length != 2) {
      throw new IllegalArgumentException("Latency range must be MIN-MAX milliseconds: " + millisRange);
    }
    return new InjectedLatency(
        Long.parseLong(bounds[0].trim()), Long.parseLong(bounds[1].trim()), seed);
  }

  /** Runs {@code call} after the drawn delay, as one call in flight. */
  <T> T around(Callable<T> call) throws Exception {
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      TimeUnit.NANOSECONDS.sleep(minNanos + (long) (random.nextDouble() * (maxNanos - minNanos)));
      return call.call();
    } catch (InterruptedException e) {
      // What a real SDK call does when its thread is interrupted, e.g. by the kit closing.
      Thread.currentThread().interrupt();
      throw AbortedException.create("Interrupted during the injected latency", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  long meanNanos() {
    return (minNanos + maxNanos) / 2;
  }

  int peakInFlight() {
    return peakInFlight.get();
  }

  @Override
  public String toString() {
    return TimeUnit.NANOSECONDS.toMillis(minNanos) + "-" + TimeUnit.NANOSECONDS.toMillis(maxNanos)
        + " ms";
  }
}
