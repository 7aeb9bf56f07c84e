package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.Operation;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The engine holds waits without a thread each. */
class ConcurrentWaitsSimTest extends SimulationTest {
  private static final int CLUSTERS = 1_000;

  @Test
  void create_thousandClustersAtOnce_allActiveOnAHandfulOfThreads() {
    int threadsBefore = Thread.activeCount();
    int[] peakThreads = {threadsBefore};
    kit.close();
    kit =
        kitOn(
            aws,
            builder ->
                builder.addListener(
                    event -> peakThreads[0] = Math.max(peakThreads[0], Thread.activeCount())));

    List<Operation<ClusterInfo>> creating =
        IntStream.range(0, CLUSTERS)
            .mapToObj(i -> kit.clusters().create(spec("tenant-" + i).build()))
            .toList();
    List<ClusterInfo> clusters = creating.stream().map(Operation::join).toList();

    assertThat(clusters).allMatch(ClusterInfo::isActive);
    assertThat(aws.eks().listClustersPaginator(r -> r.maxResults(100)).clusters().stream().count())
        .isEqualTo(CLUSTERS);
    assertThat(peakThreads[0] - threadsBefore).isLessThanOrEqualTo(2);
  }

  @Test
  void create_callsOnARealPoolTrackedByVirtualTime_everyCreateLandsAtOnce() {
    kit.close();
    kit = kitOn(aws, builder -> builder.executor(aws.time().executor(4)));
    Instant start = aws.time().now();

    List<Operation<ClusterInfo>> creating =
        IntStream.range(0, 50)
            .mapToObj(i -> kit.clusters().create(spec("tenant-" + i).build()))
            .toList();
    creating.forEach(Operation::join);

    // With an untracked pool, virtual time ran ahead of queued calls and creates landed late.
    assertThat(aws.calls().all())
        .filteredOn(call -> call.operation().equals("CreateCluster"))
        .hasSize(50)
        .allSatisfy(call -> assertThat(call.at()).isEqualTo(start));
  }
}
