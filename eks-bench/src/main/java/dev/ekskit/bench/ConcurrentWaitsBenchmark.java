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
 * Creates N clusters at once on the simulated AWS (each ~10 simulated minutes, polled on the
 * default policy) and prints wall time, threads, heap and calls. Usage: {@code [clusters]
 * [rounds]}, default 1000 clusters, 3 rounds (the first warms the JIT).
 */
public final class ConcurrentWaitsBenchmark {
  private ConcurrentWaitsBenchmark() {}

  public static void main(String[] args) {
    int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.out.printf(
        "%d concurrent cluster creates on the simulated AWS, %d rounds%n", clusters, rounds);
    System.out.println(
        "round  wall_ms  simulated_min  aws_calls  threads_before  threads_peak  heap_mb_retained");
    for (int round = 1; round <= rounds; round++) {
      run(round, clusters);
    }
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

  private static ClusterSpec spec(String name, List<String> subnets) {
    return ClusterSpec.builder()
        .name(name)
        .kubernetesVersion("1.33")
        .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
        .subnetIds(subnets)
        .build();
  }
}
