package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine under faults: the operation's deadline bounds step retries, each cause of retry has a
 * bounded budget, cancel reaches nested work, and every step that starts ends with exactly one
 * {@code StepSucceeded} or {@code StepFailed}.
 */
class EngineSimTest extends SimulationTest {
  @Test
  void create_failingUntilTheDeadline_endsAtTheDeadlineNamingStepAndAttempts() {
    aws.faults().failNext("CreateCluster", 500, 6);
    Instant start = aws.time().now();
    CompletableFuture<ProgressEvent.StepFailed> createFailed = new CompletableFuture<>();
    try (EksKit bounded =
        kitOn(
            aws,
            builder ->
                builder
                    .operationDeadline(Duration.ofMinutes(1))
                    .retry(RetrySettings.defaults().withMaxAttempts(8))
                    .addListener(
                        event -> {
                          if (event instanceof ProgressEvent.StepFailed failed
                              && failed.step().equals("create")) {
                            createFailed.complete(failed);
                          }
                        }))) {

      assertThatThrownBy(() -> bounded.clusters().create(spec("orders").build()).join())
          .isInstanceOfSatisfying(
              WaitTimeoutException.class,
              e -> {
                assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(1));
                assertThat(e.getMessage())
                    .contains("deadline of 1m 0s passed after 1m 0s", "at step create after")
                    .containsPattern("after [4-6] attempts")
                    .contains("InternalFailure (500)");
              });
      // The step that was cut ends with its own failure event, at the deadline.
      assertThat(createFailed.join().at()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    }

    assertThat(aws.calls().all())
        .filteredOn(call -> call.operation().equals("CreateCluster"))
        .allSatisfy(call -> assertThat(call.at()).isBefore(start.plus(Duration.ofMinutes(1))))
        .allSatisfy(call -> assertThat(call.statusCode()).isEqualTo(500));
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }

  @Test
  void create_alwaysThrottled_boundedCallsThenTheDeadline() {
    aws.faults().throttle("CreateCluster", 1.0);
    Duration deadline = Duration.ofMinutes(10);
    try (EksKit bounded = kitOn(aws, builder -> builder.operationDeadline(deadline))) {

      assertThatThrownBy(() -> bounded.clusters().create(spec("orders").build()).join())
          .isInstanceOf(WaitTimeoutException.class)
          .hasMessageContaining("TooManyRequestsException");
    }

    // StepBudget's documented bound: 7 + deadline / 30 s throttled attempts.
    assertThat(aws.calls().count("CreateCluster"))
        .isGreaterThan(7)
        .isLessThanOrEqualTo(7 + (int) (deadline.toSeconds() / 30));
  }

  @Test
  void delete_alwaysBusy_stopsAfterTheBusyBudget() {
    kit.clusters().create(spec("orders").build()).join();
    aws.faults().failNext("DeleteCluster", 409, 1_000);

    assertThatThrownBy(() -> kit.clusters().delete("orders").join())
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("ResourceInUseException (409)")
        .hasMessageContaining("after " + RetrySettings.forResourceInUse().maxAttempts() + " attempts");

    assertThat(aws.calls().count("DeleteCluster"))
        .isEqualTo(RetrySettings.forResourceInUse().maxAttempts());
  }

  @Test
  void delete_cancelledDuringTheFirstFargateProfile_deletesNothingMore() {
    kit.clusters().create(spec("orders").build()).join();
    ChildResources.addFargateProfiles(aws, "orders", "batch", "web");
    ChildResources.addNodegroups(aws, "orders", "general");
    aws.calls().clear();
    CompletableFuture<Operation<ClusterDeletion>> deleting = new CompletableFuture<>();
    deleting.complete(
        kit.clusters()
            .delete(
                "orders",
                event -> {
                  if (event instanceof ProgressEvent.StepStarted started
                      && started.step().equals("wait deleted")) {
                    deleting.thenAccept(Operation::cancel);
                  }
                }));

    assertThatThrownBy(() -> deleting.join().join())
        .isInstanceOf(OperationCancelledException.class);
    aws.time().advance(Duration.ofHours(1));

    assertThat(aws.calls().count("DeleteFargateProfile")).isEqualTo(1);
    assertThat(aws.calls().count("DeleteNodegroup")).isZero();
    assertThat(aws.calls().count("DeleteCluster")).isZero();
  }

  @Test
  void everyStep_underFaults_endsWithExactlyOneSuccessOrFailure() {
    aws.faults().throttle(0.3).failNext("DescribeCluster", 503, 2).failNext("DeleteCluster", 400);
    kit.clusters().create(spec("orders").build()).join();
    kit.clusters().updateVersion("orders", "1.34").join();
    assertThatThrownBy(() -> kit.clusters().delete("orders").join())
        .isInstanceOf(AwsCallException.class);
    aws.time().advance(Duration.ofHours(1));

    assertThat(count(ProgressEvent.StepSucceeded.class, ProgressEvent.StepFailed.class))
        .isEqualTo(count(ProgressEvent.StepStarted.class));
    assertThat(eventsOf(ProgressEvent.StepFailed.class))
        .singleElement()
        .satisfies(failed -> assertThat(failed.step()).isEqualTo("delete"));
  }

  /** Events of these types, counted per resource and step. */
  @SafeVarargs
  private Map<String, Long> count(Class<? extends ProgressEvent>... types) {
    Function<ProgressEvent, String> key = e -> e.resource() + " " + e.step();
    return events.stream()
        .filter(e -> Arrays.stream(types).anyMatch(t -> t.isInstance(e)))
        .collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
