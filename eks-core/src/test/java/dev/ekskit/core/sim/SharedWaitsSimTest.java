package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedAwsTest;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many waits on one resource share one describe: two runs of the same create (the second adopts)
 * read the resource about as often as one does, not twice as often.
 */
@SimulatedAwsTest
class SharedWaitsSimTest {
  @Test
  void clusterCreate_runTwiceAtOnce_sharesItsDescribes(SimulatedAws aws, EksKit kit) {
    aws.durations().clusterCreate(Duration.ofMinutes(12));
    List<String> subnets = aws.createVpcWithSubnets(2);

    int once = describes(aws, "DescribeCluster", 1, () -> create(kit, "once", subnets));
    int twice = describes(aws, "DescribeCluster", 2, () -> create(kit, "twice", subnets));

    assertThat(twice).isLessThan(once * 3 / 2);
  }

  @Test
  void addonCreate_runTwiceAtOnce_sharesItsDescribes(SimulatedAws aws, EksKit kit) {
    aws.durations().addonCreate(Duration.ofSeconds(60));
    SimulatedKit.activeCluster(kit, "orders", aws.createVpcWithSubnets(2));

    int once =
        describes(
            aws,
            "DescribeAddon",
            1,
            () -> kit.addons().create(a -> a.clusterName("orders").name("kube-proxy")));
    int twice =
        describes(
            aws,
            "DescribeAddon",
            2,
            () -> kit.addons().create(a -> a.clusterName("orders").name("vpc-cni")));

    // The second run reads the add-on a few times to adopt it; its wait shares the first's.
    assertThat(twice).isLessThan(once * 2);
  }

  private static Operation<?> create(EksKit kit, String name, List<String> subnets) {
    return kit.clusters()
        .create(
            ClusterSpec.builder()
                .name(name)
                .kubernetesVersion("1.33")
                .roleArn(SimulatedKit.CLUSTER_ROLE)
                .subnetIds(subnets)
                .build());
  }

  /** How often {@code operation} was called while {@code runs} copies of a create ran at once. */
  private static int describes(
      SimulatedAws aws, String operation, int runs, Supplier<Operation<?>> create) {
    aws.calls().clear();
    IntStream.range(0, runs).mapToObj(i -> create.get()).toList().forEach(Operation::join);
    return aws.calls().count(operation);
  }
}
