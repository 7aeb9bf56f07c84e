package dev.ekskit.bench;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.testkit.SimulatedAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A whole cluster as a caller chains it today (there is no blueprint yet): the cluster, then two
 * managed node groups and a Fargate profile at once. Its end-to-end time against its critical path,
 * the cluster's drawn create time plus the longest of its children's: what the waits add. The kit
 * has no add-on create yet, so no add-on is in the chain.
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
        "%nWhole cluster (cluster, then 2 managed node groups and a Fargate profile at once), %d"
            + " accounts: end-to-end / critical path mean %.4f, worst %.4f%n",
        runs, mean, ratios.get(ratios.size() - 1));
    return mean;
  }

  private static double once(long seed) {
    try (BenchWorld world = BenchWorld.create(seed)) {
      SimulatedAws aws = world.aws();
      Duration cluster = aws.durations().next("cluster-create", 0);
      Duration children =
          max(
              max(
                  aws.durations().next("nodegroup-create", 0),
                  aws.durations().next("nodegroup-create", 1)),
              aws.durations().next("fargate-profile-create", 0));
      try (EksKit kit = kit(aws, seed)) {
        Instant start = aws.time().now();
        ClusterInfo created =
            kit.clusters().create(ConcurrentWaitsBenchmark.spec("whole", world.subnets())).join();
        Nodegroups nodegroups = Nodegroups.of(kit);
        CompletableFuture<?> first =
            nodegroups.managed().create(nodegroup(world, "a")).completionFuture();
        CompletableFuture<?> second =
            nodegroups.managed().create(nodegroup(world, "b")).completionFuture();
        CompletableFuture<?> profile =
            FargateProfiles.of(kit)
                .create(
                    FargateProfileSpec.builder()
                        .clusterName(created.name())
                        .name("apps")
                        .podExecutionRoleArn(world.podRole())
                        .subnetIds(world.subnets())
                        .addSelectors(FargateSelector.of("apps"))
                        .build())
                .completionFuture();
        CompletableFuture.allOf(first, second, profile).join();
        Duration endToEnd = Duration.between(start, aws.time().now());
        return (double) endToEnd.toMillis() / cluster.plus(children).toMillis();
      }
    }
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
    return EksKit.builder()
        .eksClient(aws.eks())
        .ec2Client(aws.ec2())
        .iamClient(aws.iam())
        .client(SsmClient.class, aws.ssm())
        .client(AutoScalingClient.class, aws.autoScaling())
        .client(ElasticLoadBalancingV2Client.class, aws.elbv2())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSIMULATEDEXAMPLE", "simulated-secret-key")))
        .clock(aws.time().clock())
        .scheduler(aws.time().scheduler())
        .executor(aws.time().scheduler())
        .jitterSeed(seed)
        .build();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
