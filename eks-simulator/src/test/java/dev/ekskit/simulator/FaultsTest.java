package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ServiceUnavailableException;

class FaultsTest extends SimulatedAwsFixture {

  @Test
  void throttle_probabilityUnderSeed_throttlesAboutThatShareIdenticallyEachRun() {
    List<Boolean> first = throttledListCalls(SimulatedAws.create(), 1_000);
    List<Boolean> second = throttledListCalls(SimulatedAws.create(), 1_000);

    long throttled = first.stream().filter(b -> b).count();
    assertThat(throttled).isBetween(250L, 350L);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void throttle_eks_isTooManyRequests429() {
    aws.faults().throttle(1.0);

    assertAwsError(
        () -> eks.listClusters(r -> {}), EksException.class, 429, "TooManyRequestsException");
    assertThat(aws.calls().all().get(0).errorCode()).isEqualTo("TooManyRequestsException");
  }

  @Test
  void throttle_ec2_isRequestLimitExceeded503() {
    aws.faults().throttle("DescribeSubnets", 1.0);

    assertAwsError(
        () -> aws.ec2().describeSubnets(r -> {}), Ec2Exception.class, 503, "RequestLimitExceeded");
  }

  @Test
  void rateLimit_burstThenRefillOnVirtualTime_throttlesDeterministically() {
    aws.faults().rateLimit("DescribeCluster", 2, 3);
    eks.createCluster(clusterRequest("orders"));

    List<Boolean> atOnce = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      atOnce.add(throttled(() -> describe("orders")));
    }
    aws.time().advance(Duration.ofSeconds(1));
    boolean afterRefill = throttled(() -> describe("orders"));

    assertThat(atOnce).containsExactly(false, false, false, true);
    assertThat(afterRefill).isFalse();
  }

  @Test
  void failNext_503_isServiceUnavailableOnceThenWorks() {
    aws.faults().failNext("ListClusters", 503);

    assertAwsError(
        () -> eks.listClusters(r -> {}),
        ServiceUnavailableException.class,
        503,
        "ServiceUnavailableException");
    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
  }

  @Test
  void failNext_500_changesNothing() {
    aws.faults().failNext("CreateCluster", 500);

    assertAwsError(
        () -> eks.createCluster(clusterRequest("orders")),
        EksException.class,
        500,
        "InternalFailure");

    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
  }

  @Test
  void commitThenFail_createThenRetrySameToken_createsExactlyOneCluster() {
    aws.faults().commitThenFail("CreateCluster", 500);
    var request = clusterRequest("orders").toBuilder().clientRequestToken("pinned").build();

    assertAwsError(() -> eks.createCluster(request), EksException.class, 500, "InternalFailure");
    String status = eks.createCluster(request).cluster().statusAsString();

    assertThat(status).isEqualTo("CREATING");
    assertThat(eks.listClusters(r -> {}).clusters()).containsExactly("orders");
    assertThat(aws.calls().count("CreateCluster")).isEqualTo(2);
  }

  @Test
  void serverErrors_beforeActing_failWithoutChanging() {
    aws.faults().serverErrors(1.0, 0);

    assertAwsError(
        () -> eks.createCluster(clusterRequest("orders")),
        EksException.class,
        500,
        "InternalFailure");
    aws.faults().clear();

    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
  }

  @Test
  void serverErrors_afterActing_loseTheAnswerOfChangesOnly() {
    aws.faults().serverErrors(0, 1.0);

    assertAwsError(
        () -> eks.createCluster(clusterRequest("orders")),
        EksException.class,
        500,
        "InternalFailure");

    assertThat(eks.listClusters(r -> {}).clusters()).containsExactly("orders");
    assertThat(aws.calls().all())
        .extracting(Call::operation, Call::statusCode)
        .containsExactly(tuple("CreateCluster", 500), tuple("ListClusters", 200));
  }

  @Test
  void serverErrors_probabilityUnderSeed_failAboutThatShare() {
    aws.faults().serverErrors(0.1, 0);
    int failed = 0;
    for (int i = 0; i < 1_000; i++) {
      try {
        eks.listClusters(r -> {});
      } catch (AwsServiceException e) {
        assertThat(e.statusCode()).isEqualTo(500);
        failed++;
      }
    }

    assertThat(failed).isBetween(70, 130);
  }

  @Test
  void calls_describeOnly_recordNoMutatingCall() {
    eks.listClusters(r -> {});
    aws.ec2().describeAvailabilityZones(r -> {});

    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(aws.calls().all())
        .extracting(Call::operation)
        .containsExactly("ListClusters", "DescribeAvailabilityZones");
    assertThat(aws.calls().all()).allMatch(Call::succeeded);
  }

  private static boolean throttled(Runnable call) {
    try {
      call.run();
      return false;
    } catch (AwsServiceException e) {
      assertThat(e.statusCode()).isEqualTo(429);
      return true;
    }
  }

  private static List<Boolean> throttledListCalls(SimulatedAws simulation, int calls) {
    try (simulation) {
      simulation.faults().throttle(0.30);
      List<Boolean> outcomes = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        outcomes.add(throttled(() -> simulation.eks().listClusters(r -> {})));
      }
      return outcomes;
    }
  }
}
