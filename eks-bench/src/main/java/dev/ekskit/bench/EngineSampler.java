package dev.ekskit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at a running kit every few milliseconds and keeps the peaks: live threads named {@code
 * ekskit-aws-*} (the kit's call pool) and heap used.
 */
final class EngineSampler implements AutoCloseable {
  private static final String CALL_THREAD_PREFIX = "ekskit-aws-";
  private static final long PERIOD_MILLIS = 5;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ScheduledExecutorService sampling =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "bench-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private volatile int peakCallThreads;
  private volatile long peakHeapBytes;

  private EngineSampler() {
    sampling.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  static EngineSampler start() {
    return new EngineSampler();
  }

  private void sample() {
    int callThreads =
        (int)
            Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(Objects::nonNull)
                .map(ThreadInfo::getThreadName)
                .filter(name -> name.startsWith(CALL_THREAD_PREFIX))
                .count();
    peakCallThreads = Math.max(peakCallThreads, callThreads);
    peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
  }

  int peakCallThreads() {
    return peakCallThreads;
  }

  long peakHeapBytes() {
    return peakHeapBytes;
  }

  /** Stops sampling, after one last sample. */
  @Override
  public void close() {
    sampling.shutdown();
    try {
      sampling.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }
}
