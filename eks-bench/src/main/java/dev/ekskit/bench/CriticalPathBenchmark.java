package dev.ekskit.bench;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.EksKit;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.simulator.Durations;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole cluster as one blueprint: the cluster, vpc-cni and kube-proxy, two managed node groups
 * and a Fargate profile at once, then coredns. Its end-to-end time against its critical path, the
 * drawn durations of the chain the blueprint's stages make: the cluster, the longer of the two
 * add-ons nodes need, the longest of the compute parts, then coredns. What the waits (and the
 * blueprint's own reads) add.
 */
final class CriticalPathBenchmark {
  private CriticalPathBenchmark() {}

  /** Returns the mean ratio of end-to-end time to critical path over {@code runs} accounts. */
  static double run(int runs, long seed) {
    List<Double> ratios = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      ratios.add(once(seed + run));
    }
    Collections.sort(ratios);
    double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    System.out.printf(
        "%nWhole cluster as a blueprint (cluster; vpc-cni, kube-proxy; 2 managed node groups and a"
            + " Fargate profile at once; coredns), %d accounts: end-to-end / critical path mean"
            + " %.4f, worst %.4f%n",
        runs, mean, ratios.get(ratios.size() - 1));
    return mean;
  }

  private static double once(long seed) {
    try (BenchWorld world = BenchWorld.create(seed)) {
      SimulatedAws aws = world.aws();
      Durations drawn = aws.durations();
      Duration criticalPath =
          drawn
              .next("cluster-create", 0)
              .plus(max(drawn.next("addon-create", 0), drawn.next("addon-create", 1)))
              .plus(
                  max(
                      max(drawn.next("nodegroup-create", 0), drawn.next("nodegroup-create", 1)),
                      drawn.next("fargate-profile-create", 0)))
              .plus(drawn.next("addon-create", 2));
      try (EksKit kit = kit(aws, seed)) {
        Instant start = aws.time().now();
        kit.blueprints().apply(blueprint(world)).join();
        Duration endToEnd = Duration.between(start, aws.time().now());
        return (double) endToEnd.toMillis() / criticalPath.toMillis();
      }
    }
  }

  private static ClusterBlueprint blueprint(BenchWorld world) {
    return ClusterBlueprint.builder()
        .cluster(ConcurrentWaitsBenchmark.spec("whole", world.subnets()))
        .addAddons(addon("vpc-cni"), addon("kube-proxy"), addon("coredns"))
        .addParts(
            nodegroup(world, "a"),
            nodegroup(world, "b"),
            FargateProfileSpec.builder()
                .clusterName("whole")
                .name("apps")
                .podExecutionRoleArn(world.podRole())
                .subnetIds(world.subnets())
                .addSelectors(FargateSelector.of("apps"))
                .build())
        .build();
  }

  private static AddonSpec addon(String name) {
    return AddonSpec.builder().clusterName("whole").name(name).build();
  }

  private static NodegroupSpec nodegroup(BenchWorld world, String name) {
    return NodegroupSpec.builder()
        .clusterName("whole")
        .name(name)
        .nodeRoleArn(world.nodeRole())
        .subnetIds(world.subnets())
        .addInstanceTypes("m7g.large")
        .ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
        .minSize(1)
        .desiredSize(2)
        .maxSize(3)
        .build();
  }

  private static EksKit kit(SimulatedAws aws, long seed) {
    return SimulatedKit.builder(aws).jitterSeed(seed).build();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
