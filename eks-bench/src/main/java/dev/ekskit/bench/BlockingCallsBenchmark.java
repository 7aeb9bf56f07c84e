package dev.ekskit.bench;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * N concurrent cluster creates where every AWS call holds its thread for an injected latency, run
 * by the kit's default executor (a bounded pool with a bounded queue): how the engine copes when
 * calls block instead of answering at once.
 *
 * <p>It runs on real time. The virtual scheduler jumps whenever every thread that submitted work to
 * it looks blocked; a pool thread sleeping out a call's latency looks blocked, and a call queued in
 * a real pool is not seen at all. Tried: on virtual time with this pool, 200 creates all ended at
 * their 2-hour operation deadline within a second of wall time, after 16 calls. So the kit keeps
 * its own scheduler and the system clock, the simulation follows the wall clock ({@link
 * WallClockTime}), and EKS's timings are scaled down 120 times so that a run takes seconds: a
 * create takes 5 s instead of 10 min, the first check comes at 3.5 s instead of 7 min, later ones
 * every 250 ms instead of 30 s.
 */
final class BlockingCallsBenchmark {
  private static final Duration CLUSTER_CREATE = Duration.ofSeconds(5);

  /** Scaled like the create; the deadline is not, so that a slow queue shows as wall time. */
  private static final PollingPolicy SCALED_POLLING =
      new PollingPolicy(
          Duration.ofMillis(3_500),
          Duration.ofMillis(250),
          0.2,
          Duration.ofSeconds(1),
          Duration.ofMinutes(10),
          CLUSTER_CREATE);

  private BlockingCallsBenchmark() {}

  static void run(int clusters, InjectedLatency latency, long seed) {
    System.out.printf(
        "%n%d concurrent cluster creates, every AWS call blocking %s (seed %d), on the kit's"
            + " default executor and real time; a create takes %d s, checks every %d ms%n",
        clusters,
        latency,
        seed,
        CLUSTER_CREATE.toSeconds(),
        SCALED_POLLING.interval().toMillis());
    try (WallClockTime wallClock = new WallClockTime();
        SimulatedAws aws =
            SimulatedAws.builder().seed(seed).time(wallClock.virtualTime()).build()) {
      aws.durations().clusterCreate(CLUSTER_CREATE);
      List<String> subnets = aws.createVpcWithSubnets(3);
      try (EksKit kit = remoteKit(aws, latency, wallClock::catchUp, seed)) {
        System.gc();
        long start = System.nanoTime();
        List<CompletableFuture<ClusterInfo>> creating;
        EngineSampler sampler = EngineSampler.start();
        try (sampler) {
          creating =
              IntStream.range(0, clusters)
                  .mapToObj(
                      i ->
                          kit.clusters()
                              .create(ConcurrentWaitsBenchmark.spec("tenant-" + i, subnets))
                              .completionFuture())
                  .toList();
          // allOf waits for every create, failed ones included.
          CompletableFuture.allOf(creating.toArray(CompletableFuture[]::new))
              .exceptionally(failure -> null)
              .join();
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        report(clusters, creating, aws.calls().all(), wallSeconds, latency, sampler);
      }
    }
  }

  /**
   * Every client the simulation has, each behind the latency, as a kit given any client makes none
   * (creates use only EKS and EC2). No executor and no scheduler: the kit's own run the calls, which
   * is what this measures.
   */
  private static EksKit remoteKit(
      SimulatedAws aws, InjectedLatency latency, Runnable onArrival, long seed) {
    return EksKit.builder()
        .eksClient(RemoteClient.wrap(EksClient.class, aws.eks(), latency, onArrival))
        .ec2Client(RemoteClient.wrap(Ec2Client.class, aws.ec2(), latency, onArrival))
        .iamClient(RemoteClient.wrap(IamClient.class, aws.iam(), latency, onArrival))
        .client(SsmClient.class, RemoteClient.wrap(SsmClient.class, aws.ssm(), latency, onArrival))
        .client(
            AutoScalingClient.class,
            RemoteClient.wrap(AutoScalingClient.class, aws.autoScaling(), latency, onArrival))
        .pollingOverride(SCALED_POLLING)
        .jitterSeed(seed)
        .build();
  }

  private static void report(
      int clusters,
      List<CompletableFuture<ClusterInfo>> creating,
      List<Call> calls,
      double wallSeconds,
      InjectedLatency latency,
      EngineSampler sampler) {
    long active =
        creating.stream()
            .filter(future -> !future.isCompletedExceptionally() && future.join().isActive())
            .count();
    Map<String, Long> byOperation =
        calls.stream()
            .collect(Collectors.groupingBy(Call::operation, TreeMap::new, Collectors.counting()));
    double ceiling = sampler.peakCallThreads() / (latency.meanNanos() / 1e9);
    // Retained: the finished operations and the simulated state of N clusters, after a GC.
    System.gc();
    long heapRetained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("  clusters ACTIVE      %d of %d%n", active, clusters);
    System.out.printf("  wall time            %.1f s%n", wallSeconds);
    System.out.printf("  AWS calls            %d %s%n", calls.size(), byOperation);
    System.out.printf(
        "  calls per second     %.0f (ceiling at %d threads and %.1f ms a call: %.0f)%n",
        calls.size() / wallSeconds,
        sampler.peakCallThreads(),
        latency.meanNanos() / 1e6,
        ceiling);
    System.out.printf(
        "  call threads, peak   %d live ekskit-aws-*, %d calls in flight at once%n",
        sampler.peakCallThreads(),
        latency.peakInFlight());
    System.out.printf(
        "  heap used            %d MB at the sampled peak, garbage included; %d MB retained%n",
        sampler.peakHeapBytes() >> 20,
        heapRetained >> 20);
    if (active != clusters) {
      throw new IllegalStateException(
          (clusters - active)
              + " of "
              + clusters
              + " clusters did not become ACTIVE; the first failure: "
              + firstFailure(creating));
    }
  }

  private static String firstFailure(List<CompletableFuture<ClusterInfo>> creating) {
    return creating.stream()
        .filter(CompletableFuture::isCompletedExceptionally)
        .findFirst()
        .map(
            future ->
                future
                    .handle(
                        (info, error) ->
                            String.valueOf(
                                error instanceof CompletionException wrapped
                                    ? wrapped.getCause()
                                    : error))
                    .join())
        .orElse("none failed, yet some ended in another status");
  }
}
