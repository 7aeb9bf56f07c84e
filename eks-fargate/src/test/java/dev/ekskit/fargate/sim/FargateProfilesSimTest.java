package dev.ekskit.fargate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.simulator.Call;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FargateProfilesSimTest extends FargateSimTest {

  /** When each profile's change started and ended, in the order the changes started. */
  private record Span(String resource, Instant start, Instant end) {}

  private List<String> profileNames() {
    return aws.eks().listFargateProfiles(r -> r.clusterName(CLUSTER)).fargateProfileNames();
  }

  private List<Span> spans(String startStep, String endStep) {
    List<Span> spans = new ArrayList<>();
    for (ProgressEvent.StepStarted started : eventsOf(ProgressEvent.StepStarted.class)) {
      if (!started.step().equals(startStep)) {
        continue;
      }
      Instant end =
          eventsOf(ProgressEvent.StepSucceeded.class).stream()
              .filter(s -> s.resource().equals(started.resource()) && s.step().equals(endStep))
              .map(ProgressEvent.StepSucceeded::at)
              .findFirst()
              .orElseThrow();
      spans.add(new Span(started.resource().name(), started.at(), end));
    }
    return spans;
  }

  @Test
  void create_fiveAtOnce_runStrictlyOneAtATimeInRequestOrder() {
    List<Operation<FargateProfileInfo>> operations =
        IntStream.range(0, 5)
            .mapToObj(i -> fargate.create(profile("p" + i, "ns" + i).build()))
            .toList();

    List<FargateProfileInfo> profiles = operations.stream().map(Operation::join).toList();

    assertThat(profiles).extracting(FargateProfileInfo::statusAsString).containsOnly("ACTIVE");
    List<Span> spans = spans("create", "wait ACTIVE");
    assertThat(spans)
        .extracting(Span::resource)
        .containsExactly("orders/p0", "orders/p1", "orders/p2", "orders/p3", "orders/p4");
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i).start()).isAfterOrEqualTo(spans.get(i - 1).end());
    }
    assertThat(calls("CreateFargateProfile")).hasSize(5).allMatch(Call::succeeded);
  }

  @Test
  void create_bodiesStartedLastFirst_changesStillInRequestOrder() {
    LastFirstExecutor lastFirst = new LastFirstExecutor(aws.time().scheduler());
    try (EksKit reordering =
        SimulatedKit.builder(aws).addListener(events::add).executor(lastFirst).build()) {
      FargateProfiles reordered = FargateProfiles.of(reordering);
      List<Operation<FargateProfileInfo>> operations =
          IntStream.range(0, 4)
              .mapToObj(i -> reordered.create(profile("p" + i, "ns" + i).build()))
              .toList();
      lastFirst.release();

      operations.forEach(Operation::join);
    }

    assertThat(spans("create", "wait ACTIVE"))
        .extracting(Span::resource)
        .containsExactly("orders/p0", "orders/p1", "orders/p2", "orders/p3");
  }

  @Test
  void create_new_taggedWithOwnershipAndCluster() {
    fargate.create(profile("web", "web").putTags("team", "payments").build()).join();

    assertThat(
            aws.eks()
                .describeFargateProfile(r -> r.clusterName(CLUSTER).fargateProfileName("web"))
                .fargateProfile()
                .tags())
        .containsEntry("team", "payments")
        .containsEntry(Tags.MANAGED_BY, Tags.MANAGED_BY_VALUE)
        .containsEntry(Tags.CLUSTER, CLUSTER);
  }

  @Test
  void create_createResponseLost_sameCallCompletesWithOneProfile() {
    aws.faults().commitThenFail("CreateFargateProfile", 500);

    FargateProfileInfo web = fargate.create(profile("web", "web").build()).join();

    assertThat(web.statusAsString()).isEqualTo("ACTIVE");
    assertThat(profileNames()).containsExactly("web");
    assertThat(calls("CreateFargateProfile"))
        .extracting(Call::statusCode)
        .containsExactly(500, 200);
  }

  @Test
  void delete_deleteResponseLost_sameCallCompletesAndProfileGone() {
    fargate.create(profile("web", "web").build()).join();
    aws.faults().commitThenFail("DeleteFargateProfile", 500);

    assertThat(fargate.delete(CLUSTER, "web").join().deleted()).isTrue();

    assertThat(profileNames()).isEmpty();
    assertThat(calls("DeleteFargateProfile")).hasSize(2).last().matches(Call::succeeded);
  }

  @Test
  void create_otherProcessProfileCreating_waitsItOutWithoutFailing() {
    aws.eks()
        .createFargateProfile(
            r ->
                r.clusterName(CLUSTER)
                    .fargateProfileName("theirs")
                    .podExecutionRoleArn("arn:aws:iam::123456789012:role/theirs")
                    .subnets(subnets)
                    .selectors(s -> s.namespace("theirs")));

    FargateProfileInfo mine = fargate.create(profile("mine", "mine").build()).join();

    assertThat(mine.statusAsString()).isEqualTo("ACTIVE");
    List<Call> creates = calls("CreateFargateProfile");
    assertThat(creates.get(1).errorCode()).isEqualTo("ResourceInUseException");
    assertThat(creates.get(creates.size() - 1).succeeded()).isTrue();
    assertThat(eventsOf(ProgressEvent.Retrying.class))
        .extracting(ProgressEvent.Retrying::reason)
        .anyMatch(reason -> reason.contains("Fargate profile theirs in status CREATING"));
  }

  @Test
  void create_profileEndsCreateFailed_typedWithHealthIssues() {
    aws.faults().failFargateProfileCreate(CLUSTER, "broken");

    assertThatThrownBy(() -> fargate.create(profile("broken", "web").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("CREATE_FAILED");
              assertThat(e.resource())
                  .isEqualTo(ResourceRef.child("fargate-profile", CLUSTER, "broken"));
              assertThat(e.issues())
                  .extracting(HealthIssue::code)
                  .containsExactly("InternalFailure");
              assertThat(e.cleanup()).contains("delete(\"orders\", \"broken\")");
            });
  }

  @Test
  void create_failedProfileInQueue_nextOneStillRuns() {
    aws.faults().failFargateProfileCreate(CLUSTER, "broken");
    var broken = fargate.create(profile("broken", "web").build());
    var next = fargate.create(profile("next", "api").build());

    assertThat(next.join().statusAsString()).isEqualTo("ACTIVE");
    assertThatThrownBy(broken::join).isInstanceOf(ResourceFailedException.class);
  }

  @Test
  void create_sameSpecTwice_adoptsWithOneCreate() {
    fargate.create(profile("web", "web").build()).join();

    FargateProfileInfo again = fargate.create(profile("web", "web").build()).join();

    assertThat(again.statusAsString()).isEqualTo("ACTIVE");
    assertThat(calls("CreateFargateProfile")).filteredOn(Call::succeeded).hasSize(1);
  }

  @Test
  void create_existingDiffers_conflictNamesTheField() {
    fargate.create(profile("web", "web").build()).join();

    assertThatThrownBy(() -> fargate.create(profile("web", "other").build()).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("selectors"));
  }

  @Test
  void create_unknownSubnet_refusedWithZeroMutatingCalls() {
    assertThatThrownBy(
            () ->
                fargate
                    .create(
                        profile("web", "web")
                            .subnetIds(List.of(subnets.get(0), "subnet-0000000000000000f"))
                            .build())
                    .join())
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
  void deleteAndCreate_askedAtOnce_runInRequestOrderOneAtATime() {
    fargate.create(profile("a", "a").build()).join();
    fargate.create(profile("b", "b").build()).join();
    events.clear();

    var deleteA = fargate.delete(CLUSTER, "a");
    var createC = fargate.create(profile("c", "c").build());
    var deleteB = fargate.delete(CLUSTER, "b");

    assertThat(deleteA.join().deleted()).isTrue();
    assertThat(createC.join().statusAsString()).isEqualTo("ACTIVE");
    assertThat(deleteB.join().deleted()).isTrue();
    List<ResourceRef> order =
        eventsOf(ProgressEvent.StepSucceeded.class).stream()
            .filter(s -> s.step().equals("wait deleted") || s.step().equals("wait ACTIVE"))
            .map(ProgressEvent.StepSucceeded::resource)
            .toList();
    assertThat(order)
        .extracting(ResourceRef::name)
        .containsExactly("orders/a", "orders/c", "orders/b");
    assertThat(aws.calls().all()).noneMatch(c -> "ResourceInUseException".equals(c.errorCode()));
  }

  @Test
  void delete_absentProfile_reportsAlreadyGone() {
    assertThat(fargate.delete(CLUSTER, "never").join().deleted()).isFalse();
  }

  @Test
  void delete_otherProcessProfileDeleting_waitsItOut() {
    fargate.create(profile("a", "a").build()).join();
    fargate.create(profile("b", "b").build()).join();
    aws.eks().deleteFargateProfile(r -> r.clusterName(CLUSTER).fargateProfileName("a"));
    Instant asked = aws.time().now();

    assertThat(fargate.delete(CLUSTER, "b").join().deleted()).isTrue();

    assertThat(Duration.between(asked, aws.time().now())).isPositive();
    assertThat(calls("DeleteFargateProfile"))
        .extracting(Call::errorCode)
        .contains("ResourceInUseException");
  }

  @Test
  void delete_profileEndsDeleteFailed_typedAndProfileStays() {
    fargate.create(profile("web", "web").build()).join();
    aws.faults().failFargateProfileDelete(CLUSTER, "web");

    assertThatThrownBy(() -> fargate.delete(CLUSTER, "web").join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("DELETE_FAILED");
              assertThat(e.issues())
                  .extracting(HealthIssue::code)
                  .containsExactly("InternalFailure");
              assertThat(e.cleanup()).contains("run the delete again");
            });
    assertThat(fargate.delete(CLUSTER, "web").join().deleted()).as("a later delete works").isTrue();
  }

  @Test
  void create_twoClusters_runSideBySide() {
    kit.clusters()
        .create(
            dev.ekskit.core.ClusterSpec.builder()
                .name("billing")
                .kubernetesVersion("1.33")
                .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
                .subnetIds(subnets)
                .build())
        .join();
    events.clear();

    var orders = fargate.create(profile("web", "web").build());
    var billing = fargate.create(profile("web", "web").clusterName("billing").build());
    orders.join();
    billing.join();

    List<Span> spans = spans("create", "wait ACTIVE");
    assertThat(spans).hasSize(2);
    assertThat(spans.get(1).start()).isBefore(spans.get(0).end());
  }
}
