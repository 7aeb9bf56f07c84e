package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedAwsTest;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A kit learns how fast a kind of transition runs today from its own waits, and plans later waits
 * of that kind for it: on a slow day (every cluster create 16 min, a third over the model's median)
 * a kit that has seen a batch of them checks a new one less often than a fresh kit does.
 */
@SimulatedAwsTest
class PaceSimTest {
  @Test
  void clusterCreate_afterASlowBatch_plannedForTheSlowerPace(SimulatedAws aws, EksKit learning) {
    aws.durations().clusterCreate(Duration.ofMinutes(16));
    List<String> subnets = aws.createVpcWithSubnets(2);
    List<Operation<ClusterInfo>> batch =
        IntStream.range(0, 30)
            .mapToObj(i -> learning.clusters().create(spec -> spec(spec, "batch-" + i, subnets)))
            .toList();
    batch.forEach(Operation::join);

    int learnt = describesOfOneCreate(aws, learning, "after-batch", subnets);
    int fresh;
    try (EksKit freshKit = SimulatedKit.create(aws)) {
      fresh = describesOfOneCreate(aws, freshKit, "fresh", subnets);
    }

    assertThat(learnt).isLessThan(fresh);
  }

  private static int describesOfOneCreate(
      SimulatedAws aws, EksKit kit, String name, List<String> subnets) {
    aws.calls().clear();
    kit.clusters().create(spec -> spec(spec, name, subnets)).join();
    return aws.calls().count("DescribeCluster");
  }

  private static void spec(
      dev.ekskit.core.ClusterSpec.Builder spec, String name, List<String> subnets) {
    spec.name(name).kubernetesVersion("1.33").roleArn(SimulatedKit.CLUSTER_ROLE).subnetIds(subnets);
  }
}
