package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.Violation;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import dev.ekskit.core.OperationCancelledException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClusterCreateSimTest extends SimulationTest {
  @ParameterizedTest
  @EnumSource(Path.class)
  void create_validSpec_activeAfterSimulatedMinutesWithProgress(Path path) {
    ClusterInfo cluster = path.finish(kit.clusters().create(spec("orders").build()));

    assertThat(cluster.statusAsString()).isEqualTo("ACTIVE");
    assertThat(cluster.endpoint()).startsWith("https://");
    assertThat(cluster.certificateAuthorityData()).isNotEmpty();
    assertThat(cluster.tags()).containsEntry("ekskit.dev/managed-by", "ekskit");
    assertThat(Duration.between(cluster.createdAt(), aws.time().now()))
        .isGreaterThan(Duration.ofMinutes(5));
    assertThat(aws.calls().count("CreateCluster")).isEqualTo(1);
    assertThat(eventsOf(ProgressEvent.StatusObserved.class))
        .extracting(ProgressEvent.StatusObserved::status)
        .contains("CREATING")
        .endsWith("ACTIVE");
    assertThat(eventsOf(ProgressEvent.StepSucceeded.class))
        .extracting(ProgressEvent::step)
        .contains("check subnets", "create", "wait ACTIVE");
  }

  @Test
  void create_firstCheck_nearTypicalDurationNotAtOnce() {
    kit.clusters().create(spec("orders").build()).join();

    List<dev.ekskit.simulator.Call> describes =
        aws.calls().all().stream().filter(c -> c.operation().equals("DescribeCluster")).toList();
    dev.ekskit.simulator.Call create =
        aws.calls().all().stream()
            .filter(c -> c.operation().equals("CreateCluster"))
            .findFirst()
            .orElseThrow();
    // Near the earliest plausible end of a create (9 min), allowing for a model 30% too slow.
    assertThat(Duration.between(create.at(), describes.get(0).at()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void create_invalidSpec_refusedWithoutAnyAwsCall() {
    assertThatThrownBy(
            () -> kit.clusters().create(spec("-bad").subnetIds(List.of("subnet-0000000a")).build()))
        .isInstanceOf(InvalidSpecException.class);
    assertThat(aws.calls().all()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_unknownSubnet_namesItAndCreatesNothing(Path path) {
    ClusterSpec spec =
        spec("orders").subnetIds(List.of(subnets.get(0), "subnet-0123456789abcdef0")).build();

    assertThatThrownBy(() -> path.finish(kit.clusters().create(spec)))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("subnetIds[1]", "exists")));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void create_subnetsInOneZone_refusedBeforeCreate() {
    String neighbour = subnetInSameZone(subnets.get(0), "10.0.200.0/24");
    ClusterSpec spec = spec("orders").subnetIds(List.of(subnets.get(0), neighbour)).build();

    assertThatThrownBy(() -> kit.clusters().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("availability-zones"));
    assertThat(aws.calls().count("CreateCluster")).isZero();
  }

  @Test
  void create_existingMatchingCluster_adoptedWithoutSecondCluster() {
    ClusterInfo first = kit.clusters().create(spec("orders").build()).join();

    ClusterInfo again = kit.clusters().create(spec("orders").build()).join();

    assertThat(again.arn()).isEqualTo(first.arn());
    assertThat(aws.eks().listClusters().clusters()).containsExactly("orders");
    assertThat(eventsOf(ProgressEvent.StatusObserved.class))
        .anyMatch(e -> e.step().equals("adopt"));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_existingDifferentCluster_conflictListsDifferences(Path path) {
    kit.clusters().create(spec("orders").build()).join();

    assertThatThrownBy(
            () ->
                path.finish(
                    kit.clusters()
                        .create(
                            spec("orders")
                                .kubernetesVersion("1.32")
                                .endpointPrivateAccess(true)
                                .build())))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("kubernetesVersion", "endpointPrivateAccess"));
  }

  @Test
  void await_shorterThanCreation_timesOutWithLastStatusAndWorkContinues() {
    Operation<ClusterInfo> creating = kit.clusters().create(spec("orders").build());

    assertThatThrownBy(() -> creating.await(Duration.ofMinutes(8)))
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            e -> {
              assertThat(e.lastStatus()).isEqualTo("CREATING");
              assertThat(e.workContinues()).isTrue();
              assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(8));
              // The work goes on in the background, so later checks may have followed.
              assertThat(e.attempts())
                  .isPositive()
                  .isLessThanOrEqualTo(aws.calls().count("DescribeCluster"));
            });
    assertThat(creating.join().statusAsString()).isEqualTo("ACTIVE");
  }

  @Test
  void create_pollingDeadlineShorterThanCreation_endsWithTimeout() {
    kit.close();
    kit =
        kitOn(
            aws,
            builder ->
                builder.polling(
                    WaitKind.CLUSTER_CREATE,
                    WaitKind.CLUSTER_CREATE.defaults().withDeadline(Duration.ofMinutes(8))));

    assertThatThrownBy(() -> kit.clusters().create(spec("orders").build()).join())
        .isInstanceOfSatisfying(
            WaitTimeoutException.class,
            e -> {
              assertThat(e.workContinues()).isFalse();
              assertThat(e.lastStatus()).isEqualTo("CREATING");
              assertThat(e.attempts()).isPositive();
            });
  }

  @Test
  void cancel_whileWaiting_stopsCheckingAndDeletesNothing() {
    List<ProgressEvent> ofCancelled = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Operation<ClusterInfo>> creating = new CompletableFuture<>();
    creating.complete(
        kit.clusters()
            .create(
                spec("orders").build(),
                event -> {
                  ofCancelled.add(event);
                  if (event instanceof ProgressEvent.StepStarted started
                      && started.step().equals("wait ACTIVE")) {
                    creating.thenAccept(operation -> assertThat(operation.cancel()).isTrue());
                  }
                }));

    assertThatThrownBy(() -> creating.join().join()).isInstanceOf(OperationCancelledException.class);
    assertThat(kit.clusters().awaitActive("orders").join().isActive()).isTrue();

    assertThat(ofCancelled).noneMatch(e -> e instanceof ProgressEvent.StatusObserved);
    assertThat(aws.calls().count("DeleteCluster")).isZero();
    assertThat(creating.join().cancel()).isFalse();
  }

  @Test
  void close_whileCreating_operationEndsWithATypedErrorInsteadOfHanging() {
    Operation<ClusterInfo> creating = kit.clusters().create(spec("orders").build());

    kit.close();

    assertThatThrownBy(creating::join)
        .isInstanceOf(dev.ekskit.core.EksKitException.class)
        .hasMessageContaining("kit was closed")
        .hasMessageContaining("nothing was deleted");
  }
}
