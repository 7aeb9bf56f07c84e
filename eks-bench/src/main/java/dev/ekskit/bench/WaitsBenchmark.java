package dev.ekskit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark of eks-bench, on the simulated AWS: the default waits against the SDK's waiters, a
 * fixed 20 s poll and the oracle, also with durations 30% off, in batches and alone; throttling; a
 * whole cluster against its critical path; 1,000 and 5,000 concurrent waits; and calls that block
 * on real time. Prints tables and exits with status 1 if a default breaks a bound it promises.
 *
 * <p>System properties: {@code bench.waits} per batch (default 200), {@code bench.batches} per kind
 * (default 5, one seed each), {@code bench.lone} waits alone per kind (default 100, one seed each),
 * {@code bench.seed} (the first; default 1), {@code bench.clusters} for the throttled creates and
 * the blocking part (default 1000), {@code bench.latency} of the blocking part in milliseconds
 * (default {@code 20-50}), {@code bench.blocking=false} to leave that part out.
 */
public final class WaitsBenchmark {
  private static final double CRITICAL_PATH_BOUND = 1.015;

  private WaitsBenchmark() {}

  public static void main(String[] args) {
    int waits = Integer.getInteger("bench.waits", 200);
    int batches = Integer.getInteger("bench.batches", 5);
    long seed = Long.getLong("bench.seed", 1);
    int clusters = Integer.getInteger("bench.clusters", 1_000);
    List<String> broken = new ArrayList<>(WaitComparison.run(waits, batches, seed));
    LoneWaits.run(Integer.getInteger("bench.lone", 100), seed);
    broken.addAll(ThrottlingBenchmark.run(waits, clusters, seed));
    double ratio = CriticalPathBenchmark.run(20, seed);
    WaitComparison.check(
        broken,
        ratio <= CRITICAL_PATH_BOUND,
        "whole cluster: end-to-end " + ratio + " × its critical path");
    ConcurrentWaitsBenchmark.header();
    ConcurrentWaitsBenchmark.run(1_000, seed);
    ConcurrentWaitsBenchmark.run(5_000, seed);
    if (Boolean.parseBoolean(System.getProperty("bench.blocking", "true"))) {
      BlockingCallsBenchmark.run(
          clusters,
          InjectedLatency.parse(System.getProperty("bench.latency", "20-50"), seed),
          seed);
    }
    System.out.println();
    if (broken.isEmpty()) {
      System.out.println("Every bound holds.");
    } else {
      System.out.println("Bounds broken:");
      broken.forEach(b -> System.out.println("  " + b));
      System.exit(1);
    }
  }
}
