package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.DurationModel;
import dev.ekskit.core.EksDurations;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.WaitTimeoutException;
import dev.ekskit.core.internal.ClusterReadiness;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.simulator.Durations;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Waits under throttling (never an error while the deadline has time; a wait that runs out of time
 * ends with one StepFailed), describes shared between waits on one resource, and the default models
 * equal to the distributions the simulation draws from.
 */
class WaitsSimTest extends SimulationTest {
  @Test
  void create_seventyPercentOfCallsThrottled_endsActiveWithoutError() {
    aws.faults().throttle(0.7);
    List<Operation<ClusterInfo>> creating =
        IntStream.range(0, 20).mapToObj(i -> kit.clusters().create(spec("c" + i).build())).toList();

    List<ClusterInfo> created = creating.stream().map(Operation::join).toList();

    assertThat(created).allSatisfy(info -> assertThat(info.isActive()).isTrue());
    assertThat(aws.calls().all()).anySatisfy(call -> assertThat(call.statusCode()).isEqualTo(429));
    assertThat(eventsOf(ProgressEvent.StepFailed.class)).isEmpty();
    assertThat(eventsOf(ProgressEvent.Retrying.class))
        .anySatisfy(retry -> assertThat(retry.step()).isEqualTo("wait ACTIVE"));
  }

  @Test
  void create_describesAlwaysThrottled_waitEndsAtDeadlineWithOneStepFailed() throws Exception {
    aws.faults().throttle("DescribeCluster", 1.0);
    CompletableFuture<ProgressEvent.StepFailed> waitFailed = new CompletableFuture<>();
    try (EksKit bounded =
        kitOn(
            aws,
            builder ->
                builder
                    .operationDeadline(Duration.ofMinutes(30))
                    .addListener(
                        event -> {
                          if (event instanceof ProgressEvent.StepFailed failed
                              && failed.step().equals("wait ACTIVE")) {
                            waitFailed.complete(failed);
                          }
                        }))) {

      assertThatThrownBy(() -> bounded.clusters().create(spec("orders").build()).join())
          .isInstanceOf(WaitTimeoutException.class);
      // The wait publishes its end at the deadline too, right after the operation ended.
      assertThat(waitFailed.get(1, TimeUnit.MINUTES).error())
          .isInstanceOf(WaitTimeoutException.class);
    }

    assertThat(eventsOf(ProgressEvent.StepFailed.class))
        .filteredOn(failed -> failed.step().equals("wait ACTIVE"))
        .hasSize(1);
  }

  @Test
  void await_twoWaitsOnOneCluster_oneDescribePerCheck() {
    AtomicReference<KitContext> context = new AtomicReference<>();
    try (EksKit sharing = kitOn(aws, builder -> builder.addModule(context::set))) {
      aws.eks()
          .createCluster(
              r ->
                  r.name("orders")
                      .roleArn(SimulatedKit.CLUSTER_ROLE)
                      .resourcesVpcConfig(v -> v.subnetIds(subnets)));
      List<Operation<Cluster>> waits =
          IntStream.range(0, 2)
              .mapToObj(
                  i ->
                      context
                          .get()
                          .start(
                              ResourceRef.cluster("orders"),
                              null,
                              scope ->
                                  scope.await(
                                      "wait ACTIVE",
                                      WaitKind.CLUSTER_CREATE,
                                      ClusterWaits.describe(aws.eks(), "orders"),
                                      ClusterReadiness::toActive)))
              .toList();

      waits.forEach(Operation::join);
    }

    long checksOfOneWait =
        eventsOf(ProgressEvent.StatusObserved.class).stream()
                .filter(seen -> seen.step().equals("wait ACTIVE"))
                .count()
            / 2;
    assertThat(aws.calls().count("DescribeCluster")).isEqualTo((int) checksOfOneWait);
  }

  @Test
  void defaults_modelsOfEksDurations_equalWhatTheSimulationDraws() {
    Durations simulated = aws.durations();
    assertSame(simulated.distribution("cluster-create"), EksDurations.CLUSTER_CREATE);
    assertSame(simulated.distribution("cluster-delete"), EksDurations.CLUSTER_DELETE);
    assertSame(
        simulated.distribution("cluster-version-update"), EksDurations.CLUSTER_VERSION_UPDATE);
    assertSame(simulated.distribution("cluster-config-update"), EksDurations.CLUSTER_CONFIG_UPDATE);
    assertSame(simulated.distribution("nodegroup-create"), EksDurations.NODEGROUP_CREATE);
    assertSame(simulated.distribution("nodegroup-delete"), EksDurations.NODEGROUP_DELETE);
    assertSame(
        simulated.distribution("fargate-profile-create"), EksDurations.FARGATE_PROFILE_CREATE);
    assertSame(
        simulated.distribution("fargate-profile-delete"), EksDurations.FARGATE_PROFILE_DELETE);
    assertSame(simulated.distribution("addon-create"), EksDurations.ADDON_CREATE);
    assertSame(simulated.distribution("addon-delete"), EksDurations.ADDON_DELETE);
  }

  private static void assertSame(Durations.Distribution simulated, DurationModel model) {
    assertThat(simulated.median()).isEqualTo(model.median());
    assertThat(simulated.p95()).isEqualTo(model.p95());
    assertThat(simulated.min()).isEqualTo(model.min());
    assertThat(simulated.max()).isEqualTo(model.max());
    assertThat(simulated.tailChance()).isEqualTo(model.tailChance());
  }
}
