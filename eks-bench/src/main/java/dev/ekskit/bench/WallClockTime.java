package dev.ekskit.bench;

import dev.ekskit.simulator.VirtualTime;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulated AWS on the wall clock. The simulation reads time only from its {@link VirtualTime},
 * and only while it answers a call; moving virtual now up to the wall clock as each call arrives
 * makes every transition and token bucket run on real time. Nothing is scheduled on this virtual
 * time, so it never jumps by itself.
 */
final class WallClockTime implements AutoCloseable {
  private final Instant start = Instant.now();
  private final long startNanos = System.nanoTime();
  private final VirtualTime time = VirtualTime.startingAt(start);

  VirtualTime virtualTime() {
    return time;
  }

  /** Moves virtual now to the wall clock's now. */
  synchronized void catchUp() {
    Duration behind = Duration.between(time.now(), start.plusNanos(System.nanoTime() - startNanos));
    if (!behind.isNegative()) {
      time.advance(behind);
    }
  }

  @Override
  public void close() {
    time.close();
  }
}
