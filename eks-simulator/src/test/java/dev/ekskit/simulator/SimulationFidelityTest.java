package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * What a benchmark on the simulation relies on: neighbouring seeds draw the whole distribution, the
 * drawn duration is known in advance and is what the transition takes, and a call does not visit
 * the other resources of the account.
 */
class SimulationFidelityTest {
  @Test
  void next_seedsOneTo200_drawTheBodyAndTheTail() {
    Durations.Distribution model;
    try (SimulatedAws aws = SimulatedAws.create()) {
      model = aws.durations().distribution("cluster-create");
    }
    List<Duration> firstDraws =
        IntStream.rangeClosed(1, 200)
            .mapToObj(
                seed -> {
                  try (SimulatedAws aws = SimulatedAws.builder().seed(seed).build()) {
                    return aws.durations().next("cluster-create", 0);
                  }
                })
            .toList();

    long belowMedian = firstDraws.stream().filter(d -> d.compareTo(model.median()) < 0).count();
    long aboveP95 = firstDraws.stream().filter(d -> d.compareTo(model.p95()) > 0).count();
    assertThat(belowMedian).isBetween(70L, 130L);
    assertThat(aboveP95).isBetween(3L, 25L);
  }

  @Test
  void next_manyDraws_continuousWithNothingHeapedOnMinOrMax() {
    try (SimulatedAws aws = SimulatedAws.builder().seed(7).build()) {
      Durations.Distribution model = aws.durations().distribution("cluster-version-update");
      List<Duration> draws =
          IntStream.range(0, 2_000)
              .mapToObj(i -> aws.durations().next("cluster-version-update", i))
              .toList();

      assertThat(draws).allSatisfy(d -> assertThat(d).isBetween(model.min(), model.max()));
      // Clamping would put the log-normal's 3.6 % below min on min itself: about 72 draws.
      assertThat(draws).filteredOn(d -> d.equals(model.min()) || d.equals(model.max())).isEmpty();
      assertThat(draws).filteredOn(d -> d.toMillis() % 1_000 == 0).hasSizeLessThan(20);
    }
  }

  @Test
  void next_peekedDuration_isHowLongTheCreateTakes() {
    try (SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(2);
      Duration drawn = aws.durations().next("cluster-create", 0);

      createCluster(aws, "orders", subnets);
      aws.time().advance(drawn.minusSeconds(1));
      String before = status(aws, "orders");
      aws.time().advance(Duration.ofSeconds(1));

      assertThat(before).isEqualTo("CREATING");
      assertThat(status(aws, "orders")).isEqualTo("ACTIVE");
    }
  }

  @Test
  void deleteCluster_amongThousands_goneAtItsTimeOthersUntouched() {
    try (SimulatedAws aws = SimulatedAws.create()) {
      aws.faults().rateLimit(1e9, 1_000_000_000);
      List<String> subnets = aws.createVpcWithSubnets(2);
      aws.durations().all(Duration.ZERO);
      for (int i = 0; i < 2_000; i++) {
        createCluster(aws, "c" + i, subnets);
      }
      aws.durations().clusterDelete(Duration.ofMinutes(3));

      aws.eks().deleteCluster(r -> r.name("c7"));
      aws.time().advance(Duration.ofMinutes(3));

      assertThat(catchThrowable(() -> aws.eks().describeCluster(r -> r.name("c7"))))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(aws.eks().listClustersPaginator(r -> r.maxResults(100)).clusters()).hasSize(1_999);
      assertThat(status(aws, "c8")).isEqualTo("ACTIVE");
    }
  }

  private static void createCluster(SimulatedAws aws, String name, List<String> subnets) {
    aws.eks()
        .createCluster(
            r ->
                r.name(name)
                    .roleArn("arn:aws:iam::123456789012:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds(subnets)));
  }

  private static String status(SimulatedAws aws, String name) {
    return aws.eks().describeCluster(r -> r.name(name)).cluster().statusAsString();
  }
}
