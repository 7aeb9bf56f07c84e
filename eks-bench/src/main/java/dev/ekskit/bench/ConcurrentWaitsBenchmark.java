package dev.ekskit.bench;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.simulator.VirtualTime;
import dev.ekskit.testkit.SimulatedKit;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Creates N clusters at once on the simulated AWS with instant calls on virtual time (each create
 * ~12 simulated minutes on the default policy) and prints wall time, threads, the heap one parked
 * wait holds and the peak of AWS calls per virtual second. The heap is measured five simulated
 * minutes in, when every create has been made and every wait is parked until its first check; it
 * includes the simulated cluster each wait is on.
 */
final class ConcurrentWaitsBenchmark {
  private static final Duration PARKED_AT = Duration.ofMinutes(5);

  private ConcurrentWaitsBenchmark() {}

  static void header() {
    System.out.printf(
        "%nConcurrent cluster creates, instant calls on virtual time%n%7s  %7s  %13s  %9s  %12s"
            + "  %16s  %13s  %16s%n",
        "creates",
        "wall_ms",
        "simulated_min",
        "aws_calls",
        "threads_peak",
        "heap_per_wait_kb",
        "peak_calls/s",
        "peak_describes/s");
  }

  static void run(int clusters, long seed) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    threads.resetPeakThreadCount();
    long start = System.nanoTime();
    try (SimulatedAws aws = SimulatedAws.builder().seed(seed).build()) {
      aws.faults().rateLimit(1e9, 1_000_000_000);
      List<String> subnets = aws.createVpcWithSubnets(3);
      try (EksKit kit = SimulatedKit.builder(aws).jitterSeed(seed).build()) {
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong parked = new AtomicLong();
        aws.time()
            .scheduler()
            .schedule(
                () -> {
                  System.gc();
                  parked.set(memory.getHeapMemoryUsage().getUsed());
                },
                PARKED_AT.toMillis(),
                TimeUnit.MILLISECONDS);
        List<Operation<ClusterInfo>> creating =
            IntStream.range(0, clusters)
                .mapToObj(i -> kit.clusters().create(spec("tenant-" + i, subnets)))
                .toList();
        creating.forEach(Operation::join);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        List<Call> calls = aws.calls().all();
        long peakCalls = peakPerSecond(calls);
        long peakDescribes =
            peakPerSecond(
                calls.stream().filter(call -> call.operation().equals("DescribeCluster")).toList());
        System.out.printf(
            "%7d  %7d  %13d  %9d  %12d  %16.1f  %13d  %16d%n",
            clusters,
            wallMs,
            Duration.between(VirtualTime.DEFAULT_START, aws.time().now()).toMinutes(),
            calls.size(),
            threads.getPeakThreadCount(),
            Math.max(0, parked.get() - before) / 1024.0 / clusters,
            peakCalls,
            peakDescribes);
        Reference.reachabilityFence(creating);
      }
    }
  }

  /** The most calls in one second of virtual time. */
  private static long peakPerSecond(List<Call> calls) {
    Map<Long, Long> perSecond =
        calls.stream()
            .collect(
                Collectors.groupingBy(call -> call.at().getEpochSecond(), Collectors.counting()));
    return perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
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
