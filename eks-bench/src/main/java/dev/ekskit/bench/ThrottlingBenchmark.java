package dev.ekskit.bench;

import dev.ekskit.bench.WaitRun.Approach;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.WaitTimeoutException;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * Throttling: the cluster-create waits of the comparison with 0, 30, 50 and 70% of their describes
 * throttled; then N whole cluster creates at once with 70% of every call throttled, which must all
 * end ACTIVE with no throttling error reaching the caller and no timeout.
 */
final class ThrottlingBenchmark {
  private static final double[] SHARES = {0, 0.3, 0.5, 0.7};

  private ThrottlingBenchmark() {}

  static List<String> run(int waits, int creates, long seed) {
    List<String> broken = new ArrayList<>();
    WaitCase row = WaitCase.CLUSTER_CREATE;
    List<Duration> drawn = WaitComparison.durations(row, waits, seed);
    System.out.printf(
        "%nThrottling: %d cluster-create waits, a share of DescribeCluster throttled%n", waits);
    System.out.printf("%-10s | %-24s | %s%n", "throttled", "ekskit", "failures (timeouts)");
    double unthrottled = Double.NaN;
    for (double share : SHARES) {
      WaitStats stats = WaitRun.run(row, Approach.EKSKIT, drawn, seed, share, row.kind.defaults());
      System.out.printf(
          "%9.0f%% | %-24s | %d (%d)%n",
          share * 100, WaitComparison.cell(stats), stats.falseFailures(), stats.timeouts());
      if (share == 0) {
        unthrottled = stats.meanLag();
      }
      WaitComparison.check(
          broken,
          stats.falseFailures() == 0,
          stats.falseFailures() + " waits failed with " + share * 100 + "% throttled");
      if (share == 0.3) {
        WaitComparison.check(
            broken,
            stats.meanLag() <= 2 * unthrottled,
            "mean lag at 30% throttled "
                + WaitComparison.f(stats.meanLag())
                + " s, over twice the unthrottled "
                + WaitComparison.f(unthrottled)
                + " s");
      }
    }
    broken.addAll(creates(creates, seed));
    return broken;
  }

  private static List<String> creates(int clusters, long seed) {
    try (SimulatedAws aws = SimulatedAws.builder().seed(seed).build()) {
      aws.faults().rateLimit(1e9, 1_000_000_000);
      List<String> subnets = aws.createVpcWithSubnets(3);
      aws.faults().throttle(0.7);
      long start = System.nanoTime();
      try (EksKit kit = SimulatedKit.builder(aws).jitterSeed(seed).build()) {
        List<CompletableFuture<ClusterInfo>> creating =
            IntStream.range(0, clusters)
                .mapToObj(
                    i ->
                        kit.clusters()
                            .create(ConcurrentWaitsBenchmark.spec("tenant-" + i, subnets))
                            .completionFuture())
                .toList();
        CompletableFuture.allOf(creating.toArray(CompletableFuture[]::new))
            .exceptionally(failure -> null)
            .join();
        int throttled = 0;
        int timeouts = 0;
        int otherFailures = 0;
        for (CompletableFuture<ClusterInfo> create : creating) {
          Throwable failure = failure(create);
          if (failure instanceof WaitTimeoutException) {
            timeouts++;
          } else if (failure != null
              && AwsErrors.is(failure.getCause(), AwsErrors.Kind.THROTTLED)) {
            throttled++;
          } else if (failure != null) {
            otherFailures++;
          }
        }
        System.out.printf(
            "%d cluster creates at once, 70%% of every call throttled: %d ACTIVE, %d throttling"
                + " failures, %d timeouts, %d other failures; %d calls, %.1f s wall%n",
            clusters,
            clusters - throttled - timeouts - otherFailures,
            throttled,
            timeouts,
            otherFailures,
            aws.calls().all().size(),
            (System.nanoTime() - start) / 1e9);
        List<String> broken = new ArrayList<>();
        WaitComparison.check(
            broken,
            throttled + timeouts + otherFailures == 0,
            "at 70% throttled, "
                + throttled
                + " creates failed with throttling, "
                + timeouts
                + " timed out, "
                + otherFailures
                + " failed otherwise");
        return broken;
      }
    }
  }

  private static Throwable failure(CompletableFuture<ClusterInfo> create) {
    try {
      create.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
