package dev.ekskit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a kit makes when it is given none: one scheduler thread for every delay (waits hold
 * no thread), and a bounded pool for the blocking SDK calls. The pool's queue is bounded too; when
 * it is full, calls wait their turn on the scheduler (see {@link Engine#call}).
 */
final class Threads implements AutoCloseable {
  /**
   * Blocking AWS calls in flight at once: at 20–50 ms a call, enough for thousands of concurrent
   * waits (see the benchmark); AWS's own rate limits bind long before.
   */
  static final int CALL_THREADS = 16;

  static final int QUEUED_CALLS = 10_000;

  private final List<ExecutorService> made = new ArrayList<>();

  ScheduledExecutorService scheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, daemon("ekskit-scheduler"));
    scheduler.setRemoveOnCancelPolicy(true);
    made.add(scheduler);
    return scheduler;
  }

  ExecutorService executor() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            CALL_THREADS,
            CALL_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_CALLS),
            daemon("ekskit-aws"));
    pool.allowCoreThreadTimeOut(true);
    made.add(pool);
    return pool;
  }

  @Override
  public void close() {
    made.forEach(ExecutorService::shutdownNow);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory base = Executors.defaultThreadFactory();
    return runnable -> {
      Thread thread = base.newThread(runnable);
      thread.setName(prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
