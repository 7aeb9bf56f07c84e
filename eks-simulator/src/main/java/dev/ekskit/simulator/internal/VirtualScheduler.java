package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ScheduledExecutorService} on virtual time: one runner thread takes tasks in (due time,
 * submission) order and, when nothing is due, jumps virtual now to the next task's due time.
 *
 * <p>It jumps only while every <em>driver</em> is blocked: a driver is any other thread that
 * submitted work (a test's main thread, a real executor's worker). So between {@code create()} and
 * {@code await()} on a test thread no virtual time passes, and a blocking call on a worker finishes
 * before its own timeout can fire. One gap remains: a driver that a task has just woken still looks
 * blocked until the operating system runs it, so time may move on meanwhile. To act at an exact
 * virtual moment, act from a task or a listener on the runner thread.
 */
public final class VirtualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  public static final String THREAD_NAME = "ekskit-virtual-time";
  private static final long DRIVER_CHECK_NANOS = 200_000;

  private final Instant origin;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<VirtualTask<?>> queue = new PriorityQueue<>();
  private final Thread runner;
  private final Set<Thread> drivers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger workElsewhere = new AtomicInteger();
  private volatile long nowNanos;
  private long nextSequence;
  private boolean running;
  private volatile boolean shutdown;
  private volatile boolean closed;

  public VirtualScheduler(Instant origin) {
    this.origin = origin;
    this.runner = new Thread(this::runLoop, THREAD_NAME);
    runner.setDaemon(true);
    runner.start();
  }

  public Instant now() {
    return origin.plusNanos(nowNanos);
  }

  long nowNanos() {
    return nowNanos;
  }

  /** Moves virtual now forward; tasks that fell due meanwhile run next, in their order. */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("Virtual time cannot go back: " + nanos + " ns");
    }
    lock.lock();
    try {
      nowNanos = saturatedAdd(nowNanos, nanos);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the runner thread; queued tasks never run. */
  public void close() {
    closed = true;
    shutdownNow();
    runner.interrupt();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return submitAt(Executors.callable(command), delay, unit, 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return submitAt(callable, delay, unit, 0);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return submitAt(
        Executors.callable(command), initialDelay, unit, positive(unit.toNanos(period)));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return submitAt(
        Executors.callable(command), initialDelay, unit, -positive(unit.toNanos(delay)));
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {
    shutdown = true;
    signal();
  }

  @Override
  public List<Runnable> shutdownNow() {
    lock.lock();
    try {
      shutdown = true;
      List<Runnable> pending = new ArrayList<>(queue);
      queue.clear();
      changed.signalAll();
      return pending;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    lock.lock();
    try {
      return shutdown && queue.isEmpty() && !running;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long remaining = unit.toNanos(timeout);
    lock.lock();
    try {
      while (!(shutdown && queue.isEmpty() && !running)) {
        if (remaining <= 0) {
          return false;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  void enqueue(VirtualTask<?> task) {
    lock.lock();
    try {
      if (shutdown && task.isPeriodic()) {
        task.cancel(false);
        return;
      }
      task.sequence(nextSequence++);
      queue.add(task);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void remove(VirtualTask<?> task) {
    lock.lock();
    try {
      queue.remove(task);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private <V> ScheduledFuture<V> submitAt(
      Callable<V> callable, long delay, TimeUnit unit, long periodNanos) {
    if (callable == null || unit == null) {
      throw new NullPointerException("task and unit are required");
    }
    if (shutdown) {
      throw new RejectedExecutionException("Virtual time scheduler is shut down");
    }
    if (Thread.currentThread() != runner) {
      drivers.add(Thread.currentThread());
    }
    long due = saturatedAdd(nowNanos, Math.max(0, unit.toNanos(delay)));
    VirtualTask<V> task = new VirtualTask<>(this, callable, due, periodNanos);
    enqueue(task);
    return task;
  }

  private static long positive(long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException("Period must be positive");
    }
    return nanos;
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void runLoop() {
    while (!closed) {
      VirtualTask<?> next = takeNext();
      if (next == null) {
        return;
      }
      try {
        next.run();
      } finally {
        finishedRunning();
      }
    }
  }

  /**
   * Blocks until a task is due, or one exists and every driver is blocked; then advances virtual
   * now to its due time.
   */
  private VirtualTask<?> takeNext() {
    lock.lock();
    try {
      while (true) {
        if (closed) {
          return null;
        }
        VirtualTask<?> next = queue.peek();
        if (next == null) {
          awaitChange(0);
        } else if (next.dueNanos() <= nowNanos || driversBlocked()) {
          queue.poll();
          nowNanos = Math.max(nowNanos, next.dueNanos());
          running = true;
          return next;
        } else {
          // Nothing signals that a driver blocked, so look again shortly.
          awaitChange(DRIVER_CHECK_NANOS);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Work handed to another thread (a {@link TrackedExecutor}'s task, queued or running): virtual
   * time waits for it, however blocked its thread looks.
   */
  void workStarted() {
    workElsewhere.incrementAndGet();
  }

  void workEnded() {
    workElsewhere.decrementAndGet();
    signal();
  }

  /** A driver waiting for this scheduler's own lock is about to submit work, so it is not idle. */
  private boolean driversBlocked() {
    if (workElsewhere.get() > 0) {
      return false;
    }
    drivers.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
    return drivers.stream()
        .allMatch(
            thread ->
                !lock.hasQueuedThread(thread)
                    && switch (thread.getState()) {
                      case WAITING, TIMED_WAITING, BLOCKED -> true;
                      default -> false;
                    });
  }

  /** An interrupt only stops the runner on close: cancel(true) of a task interrupts it too. */
  private void awaitChange(long nanos) {
    try {
      if (nanos > 0) {
        changed.awaitNanos(nanos);
      } else {
        changed.await();
      }
    } catch (InterruptedException e) {
      if (closed) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void finishedRunning() {
    lock.lock();
    try {
      running = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
