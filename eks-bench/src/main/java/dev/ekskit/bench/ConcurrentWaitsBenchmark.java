package dev.ekskit.bench;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.testkit.SimulatedAws;
import dev.ekskit.testkit.VirtualTime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Creates N clusters at once on the simulated AWS and prints wall time, threads, heap and calls,
 * twice: first with instant calls on virtual time (each create ~10 simulated minutes, polled on the
 * default policy), several rounds of which the first warms the JIT; then once with every call
 * blocking for an injected latency on the kit's default executor ({@link BlockingCallsBenchmark}).
 *
 * <p>System properties: {@code bench.clusters} (default 1000), {@code bench.rounds} of the first
 * part (default 3), {@code bench.latency} in milliseconds (default {@code 20-50}), and {@code
 * bench.seed} of the second part's simulation, latency and jitter (default 42).
 */
public final class ConcurrentWaitsBenchmark {
  private ConcurrentWaitsBenchmark() {}

  public static void main(String[] args) {
    int clusters = Integer.getInteger("bench.clusters", 1_000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    long seed = Long.getLong("bench.seed", 42);
    InjectedLatency latency =
        InjectedLatency.parse(System.getProperty("bench.latency", "20-50"), seed);
    System.out.printf(
        "%d concurrent cluster creates on the simulated AWS, instant calls on virtual time,"
            + " %d rounds%n",
        clusters,
        rounds);
    System.out.println(
        "round  wall_ms  simulated_min  aws_calls  threads_before  threads_peak  heap_mb_retained");
    for (int round = 1; round <= rounds; round++) {
      run(round, clusters);
    }
    BlockingCallsBenchmark.run(clusters, latency, seed);
  }

  private static void run(int round, int clusters) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    int threadsBefore = threads.getThreadCount();
    threads.resetPeakThreadCount();
    long start = System.nanoTime();
    try (SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(3);
      try (EksKit kit =
          EksKit.builder()
              .eksClient(aws.eks())
              .ec2Client(aws.ec2())
              .clock(aws.time().clock())
              .scheduler(aws.time().scheduler())
              .executor(aws.time().scheduler())
              .jitterSeed(round)
              .build()) {
        List<Operation<ClusterInfo>> creating =
            IntStream.range(0, clusters)
                .mapToObj(i -> kit.clusters().create(spec("tenant-" + i, subnets)))
                .toList();
        creating.forEach(Operation::join);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        // Retained: the finished operations and the simulated state of N clusters, after a GC.
        System.gc();
        long heapMb = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf(
            "%5d  %7d  %13d  %9d  %14d  %12d  %16d%n",
            round,
            wallMs,
            Duration.between(VirtualTime.DEFAULT_START, aws.time().now()).toMinutes(),
            aws.calls().all().size(),
            threadsBefore,
            threads.getPeakThreadCount(),
            heapMb);
        Reference.reachabilityFence(creating);
      }
    }
  }

  static ClusterSpec spec(String name, List<String> subnets) {
    return ClusterSpec.builder()
        .name(name)
        .kubernetesVersion("1.33")
        .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
        .subnetIds(subnets)
        .build();
  }
}
