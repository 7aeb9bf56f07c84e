package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.simulator.Call;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.LogType;

class FaultsSimTest extends SimulationTest {
  @ParameterizedTest
  @EnumSource(Path.class)
  void create_clusterEndsFailed_endsWaitAtOnceWithHealthIssuesAndCleanup(Path path) {
    aws.faults()
        .failClusterCreate(
            "orders",
            ClusterIssue.builder()
                .code("IamRoleNotFound")
                .message("Role arn:aws:iam::123456789012:role/eks-cluster not found")
                .resourceIds("eks-cluster")
                .build());

    assertThatThrownBy(() -> path.finish(kit.clusters().create(spec("orders").build())))
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("FAILED");
              assertThat(e.issues())
                  .extracting(HealthIssue::code)
                  .containsExactly("IamRoleNotFound");
              assertThat(e.hint()).contains("cluster role");
              assertThat(e.cleanup()).contains("delete(\"orders\")");
            });
    assertThat(eventsOf(ProgressEvent.StepFailed.class))
        .extracting(ProgressEvent::step)
        .contains("wait ACTIVE");
    assertThat(kit.clusters().delete("orders").join().clusterDeleted()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void createAndDelete_thirtyPercentOfCallsThrottled_succeedWithRetries(Path path) {
    aws.faults().throttle(0.30);

    ClusterInfo cluster = path.finish(kit.clusters().create(spec("orders").build()));
    path.finish(kit.clusters().delete("orders"));
    aws.faults().clear();

    assertThat(cluster.isActive()).isTrue();
    assertThat(aws.calls().all()).anyMatch(c -> c.statusCode() == 429);
    assertThat(eventsOf(ProgressEvent.Retrying.class))
        .isNotEmpty()
        .allMatch(
            e ->
                e.reason().contains("TooManyRequestsException")
                    || e.reason().contains("RequestLimitExceeded")
                    || e.reason().contains("IAM Throttling"));
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_serverCommitsThenAnswers500_exactlyOneClusterThroughTheSameToken(Path path) {
    aws.faults().commitThenFail("CreateCluster", 500);

    ClusterInfo cluster = path.finish(kit.clusters().create(spec("orders").build()));

    assertThat(cluster.isActive()).isTrue();
    assertThat(aws.calls().count("CreateCluster")).isEqualTo(2);
    assertThat(aws.eks().listClusters().clusters()).containsExactly("orders");
    // The retry carried the first attempt's token, so EKS answered it idempotently: no adopt
    // needed.
    assertThat(eventsOf(ProgressEvent.StatusObserved.class))
        .noneMatch(e -> e.step().equals("adopt"));
  }

  @Test
  void create_describeFailsWith503WhilePolling_waitGoesOn() {
    aws.faults().failNext("DescribeCluster", 503, 3);

    assertThat(kit.clusters().create(spec("orders").build()).join().isActive()).isTrue();
    assertThat(aws.calls().all()).filteredOn(c -> c.statusCode() == 503).hasSize(3);
  }

  @Test
  void create_accessDeniedWhilePolling_endsAtOnce() {
    aws.faults().failNext("DescribeCluster", 403);

    assertThatThrownBy(() -> kit.clusters().create(spec("orders").build()).join())
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.step()).isEqualTo("wait ACTIVE");
              assertThat(e.getMessage()).contains("AccessDeniedException");
            });
    assertThat(aws.calls().count("DescribeCluster")).isEqualTo(1);
  }

  @Test
  void create_rejectedByEks_saysNothingWasCreated() {
    aws.faults().failNext("CreateCluster", 400);

    assertThatThrownBy(() -> kit.clusters().create(spec("orders").build()).join())
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("EKS refused the request; the cluster was not created");
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void updateVersion_updateFails_typedErrorWithAwsErrors(Path path) {
    kit.clusters().create(spec("orders").build()).join();
    aws.faults()
        .failUpdate(
            "orders",
            ErrorDetail.builder()
                .errorCode("SubnetNotFound")
                .errorMessage("subnet gone")
                .resourceIds("subnet-1")
                .build());

    assertThatThrownBy(() -> path.finish(kit.clusters().updateVersion("orders", "1.34")))
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).contains("Failed");
              assertThat(e.issues())
                  .extracting(HealthIssue::code)
                  .containsExactly("SubnetNotFound");
            });
  }

  @Test
  void updateConfig_whileALongVersionUpdateRuns_waitsForTheClusterInsteadOfGivingUp() {
    aws.durations().clusterVersionUpdate(Duration.ofMinutes(25));
    kit.clusters().create(spec("orders").build()).join();

    var version = kit.clusters().updateVersion("orders", "1.34");
    var logging =
        kit.clusters()
            .updateConfig(
                "orders",
                ClusterConfigUpdate.builder().enabledLogTypes(Set.of(LogType.API)).build());

    assertThat(version.join().kubernetesVersion()).isEqualTo("1.34");
    assertThat(logging.join().sdkCluster().logging().clusterLogging())
        .anyMatch(setup -> setup.enabled() && setup.types().contains(LogType.API));
    // Whichever update came second waited its turn (seeing UPDATING, or EKS's 409), then went
    // through: each took effect exactly once.
    List<Call> updates =
        aws.calls().all().stream().filter(c -> c.operation().startsWith("UpdateCluster")).toList();
    assertThat(updates)
        .filteredOn(Call::succeeded)
        .extracting(Call::operation)
        .containsExactlyInAnyOrder("UpdateClusterVersion", "UpdateClusterConfig");
  }

  @Test
  void delete_listingNodegroupsRefused_typedErrorNamesTheStepAndKeepsTheCluster() {
    kit.clusters().create(spec("orders").build()).join();
    aws.faults().failNext("ListNodegroups", 403);

    assertThatThrownBy(() -> kit.clusters().delete("orders").join())
        .isInstanceOfSatisfying(
            AwsCallException.class, e -> assertThat(e.step()).isEqualTo("list node groups"));
    assertThat(aws.eks().listClusters().clusters()).containsExactly("orders");
  }
}
