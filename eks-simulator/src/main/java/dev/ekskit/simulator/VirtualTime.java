package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.TrackedExecutor;
import dev.ekskit.simulator.internal.VirtualClock;
import dev.ekskit.simulator.internal.VirtualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Virtual time: a {@link Clock} and a {@link ScheduledExecutorService} that share one virtual now.
 *
 * <p>Every task runs on one daemon thread named {@code ekskit-virtual-time}, in order of virtual
 * due time, then submission order. When no task is due, virtual now jumps to the next task's due
 * time at once, so a 40-minute wait completes in milliseconds:
 *
 * <pre>{@code
 * try (VirtualTime time = VirtualTime.create()) {
 *     ScheduledFuture<Instant> done = time.scheduler()
 *         .schedule(() -> time.now(), 40, TimeUnit.MINUTES);
 *     done.get();   // returns at once: 2026-01-01T00:40:00Z
 * }
 * }</pre>
 *
 * <p>Hand {@link #clock()} and {@link #scheduler()} to the code under test. Time jumps only while
 * every thread that submitted work from outside (your test thread, a real pool's worker) is
 * blocked, so nothing moves between two statements of a test: wait with {@code join()}, {@code
 * get()} or an await, never by spinning. A thread a task has just woken still looks blocked for a
 * moment, so to act at an exact virtual moment act from a task or listener. Never block a task on
 * another task's future: both need the one runner thread.
 */
public final class VirtualTime implements AutoCloseable {
  /** Where {@link #create()} starts: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualScheduler scheduler;
  private final Clock clock;
  private final List<ExecutorService> pools = new ArrayList<>();

  private VirtualTime(Instant start) {
    this.scheduler = new VirtualScheduler(Objects.requireNonNull(start, "start"));
    this.clock = new VirtualClock(scheduler::now);
  }

  /** Virtual time starting at {@link #DEFAULT_START}. */
  public static VirtualTime create() {
    return startingAt(DEFAULT_START);
  }

  /** Virtual time starting at {@code start}. */
  public static VirtualTime startingAt(Instant start) {
    return new VirtualTime(start);
  }

  /** A UTC clock on virtual now. */
  public Clock clock() {
    return clock;
  }

  /**
   * A pool of {@code threads} real threads for blocking work, such as a kit's AWS calls through
   * clients with real latency ({@code EksKit.Builder.executor}): virtual time stands still while
   * any of its tasks is queued or running, so the clock never runs ahead of the calls. Its tasks
   * must not wait for virtual time to pass. Closed with this virtual time.
   *
   * <pre>{@code
   * EksKit kit = EksKit.builder()...clock(time.clock()).scheduler(time.scheduler())
   *     .executor(time.executor(8)).build();
   * }</pre>
   */
  public synchronized ExecutorService executor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    TrackedExecutor pool = new TrackedExecutor(scheduler, threads);
    pools.add(pool);
    return pool;
  }

  /** The scheduler whose runner thread moves virtual now; shared by every caller. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Virtual now. */
  public Instant now() {
    return scheduler.now();
  }

  /**
   * Moves virtual now forward by {@code duration}, for tests that call simulated clients directly
   * without scheduling anything. Tasks that fell due run next, in their order.
   */
  public void advance(Duration duration) {
    scheduler.advance(duration.toNanos());
  }

  /** Stops the runner thread and the pools it made; tasks still queued never run. */
  @Override
  public synchronized void close() {
    pools.forEach(ExecutorService::shutdownNow);
    scheduler.close();
  }
}
