package dev.ekskit.simulator.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real thread pool whose every task, from submission until it ends, holds virtual time still:
 * blocking calls (a simulated client with real latency, say) then take their time without the
 * virtual clock running ahead of them. A task must not wait for virtual time to pass.
 */
public final class TrackedExecutor extends ThreadPoolExecutor {
  private final VirtualScheduler scheduler;

  public TrackedExecutor(VirtualScheduler scheduler, int threads) {
    super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon());
    this.scheduler = scheduler;
  }

  @Override
  public void execute(Runnable command) {
    scheduler.workStarted();
    try {
      super.execute(
          () -> {
            try {
              command.run();
            } finally {
              scheduler.workEnded();
            }
          });
    } catch (RuntimeException e) {
      scheduler.workEnded();
      throw e;
    }
  }

  private static ThreadFactory daemon() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory base = Executors.defaultThreadFactory();
    return runnable -> {
      Thread thread = base.newThread(runnable);
      thread.setName("ekskit-virtual-work-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
