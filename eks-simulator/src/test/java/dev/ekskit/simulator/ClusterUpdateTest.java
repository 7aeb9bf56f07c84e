package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.ErrorCode;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateStatus;
import software.amazon.awssdk.services.eks.model.UpdateType;

class ClusterUpdateTest extends SimulatedAwsFixture {

  @BeforeEach
  void activeOrders() {
    aws.durations()
        .clusterConfigUpdate(Duration.ofMinutes(4))
        .clusterVersionUpdate(Duration.ofMinutes(15));
    activeCluster("orders");
  }

  @Test
  void updateClusterConfig_endpointAccess_inProgressThenSuccessfulAndApplied() {
    Update started =
        eks.updateClusterConfig(
                r ->
                    r.name("orders")
                        .resourcesVpcConfig(
                            v -> v.endpointPrivateAccess(true).publicAccessCidrs("203.0.113.0/24")))
            .update();

    ClusterStatus during = describe("orders").status();
    aws.time().advance(Duration.ofMinutes(4));
    Update done = eks.describeUpdate(r -> r.name("orders").updateId(started.id())).update();

    assertThat(started.type()).isEqualTo(UpdateType.ENDPOINT_ACCESS_UPDATE);
    assertThat(started.status()).isEqualTo(UpdateStatus.IN_PROGRESS);
    assertThat(during).isEqualTo(ClusterStatus.UPDATING);
    assertThat(done.status()).isEqualTo(UpdateStatus.SUCCESSFUL);
    assertThat(describe("orders").status()).isEqualTo(ClusterStatus.ACTIVE);
    assertThat(describe("orders").resourcesVpcConfig().endpointPrivateAccess()).isTrue();
    assertThat(describe("orders").resourcesVpcConfig().publicAccessCidrs())
        .containsExactly("203.0.113.0/24");
    assertThat(eks.listUpdates(r -> r.name("orders")).updateIds()).containsExactly(started.id());
  }

  @Test
  void updateClusterConfig_markedToFail_endsFailedWithErrorsAndNoChange() {
    ErrorDetail error =
        ErrorDetail.builder().errorCode(ErrorCode.ACCESS_DENIED).errorMessage("denied").build();
    aws.faults().failUpdate("orders", error);

    String id =
        eks.updateClusterConfig(
                r ->
                    r.name("orders")
                        .logging(
                            l -> l.clusterLogging(s -> s.typesWithStrings("api").enabled(true))))
            .update()
            .id();
    aws.time().advance(Duration.ofMinutes(4));
    Update done = eks.describeUpdate(r -> r.name("orders").updateId(id)).update();

    assertThat(done.status()).isEqualTo(UpdateStatus.FAILED);
    assertThat(done.errors()).containsExactly(error);
    assertThat(describe("orders").logging().clusterLogging().get(0).enabled()).isFalse();
  }

  @Test
  void updateClusterConfig_whileUpdating_throwsResourceInUse() {
    eks.updateClusterConfig(
        r -> r.name("orders").resourcesVpcConfig(v -> v.endpointPrivateAccess(true)));

    assertAwsError(
        () ->
            eks.updateClusterConfig(
                r -> r.name("orders").resourcesVpcConfig(v -> v.endpointPublicAccess(false))),
        ResourceInUseException.class,
        409,
        "ResourceInUseException");
  }

  @Test
  void updateClusterConfig_noChange_throwsInvalidParameter() {
    assertAwsError(
        () ->
            eks.updateClusterConfig(
                r -> r.name("orders").resourcesVpcConfig(v -> v.endpointPublicAccess(true))),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void updateClusterVersion_nextMinor_upgradesAfterDuration() {
    String id = eks.updateClusterVersion(r -> r.name("orders").version("1.34")).update().id();

    String during = describe("orders").version();
    aws.time().advance(Duration.ofMinutes(15));

    assertThat(during).isEqualTo("1.33");
    assertThat(eks.describeUpdate(r -> r.name("orders").updateId(id)).update().status())
        .isEqualTo(UpdateStatus.SUCCESSFUL);
    assertThat(describe("orders").version()).isEqualTo("1.34");
  }

  @Test
  void updateClusterVersion_skippingOrSameMinor_throwsInvalidParameter() {
    assertAwsError(
        () -> eks.updateClusterVersion(r -> r.name("orders").version("1.35")),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
    assertAwsError(
        () -> eks.updateClusterVersion(r -> r.name("orders").version("1.33")),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
    assertAwsError(
        () -> eks.updateClusterVersion(r -> r.name("orders").version("1.32")),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void updateClusterVersion_sameTokenRepeated_returnsSameUpdate() {
    String first =
        eks.updateClusterVersion(r -> r.name("orders").version("1.34").clientRequestToken("t"))
            .update()
            .id();

    String repeat =
        eks.updateClusterVersion(r -> r.name("orders").version("1.34").clientRequestToken("t"))
            .update()
            .id();

    assertThat(repeat).isEqualTo(first);
  }
}
