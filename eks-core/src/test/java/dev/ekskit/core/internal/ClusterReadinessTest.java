package dev.ekskit.core.internal;

import dev.ekskit.core.spi.Readiness;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.Update;

class ClusterReadinessTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ACTIVE, Ready",
    "CREATING, Pending",
    "PENDING, Pending",
    "UPDATING, Pending",
    "FAILED, Failed",
    "DELETING, Failed"
  })
  void toActive_eachStatus_classified(String status, String outcome) {
    Readiness<Cluster> found =
        ClusterReadiness.toActive(Cluster.builder().name("c").status(status).build());
    assertThat(found.getClass().getSimpleName()).isEqualTo(outcome);
    assertThat(found.status()).isEqualTo(status);
  }

  @Test
  void toActive_failedWithIssues_carriesIssuesHintAndCleanup() {
    Cluster failed =
        Cluster.builder()
            .name("orders")
            .status("FAILED")
            .health(
                h ->
                    h.issues(
                        ClusterIssue.builder()
                            .code("IamRoleNotFound")
                            .message("role gone")
                            .resourceIds("arn:aws:iam::1:role/x")
                            .build()))
            .build();

    Readiness<Cluster> found = ClusterReadiness.toActive(failed);

    ResourceFailedException error =
        (ResourceFailedException) ((Readiness.Failed<Cluster>) found).error();
    assertThat(error.resource()).isEqualTo(ResourceRef.cluster("orders"));
    assertThat(error.issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.code()).isEqualTo("IamRoleNotFound");
              assertThat(issue.resourceIds()).containsExactly("arn:aws:iam::1:role/x");
            });
    assertThat(error.hint()).contains("cluster role");
    assertThat(error.cleanup()).contains("delete(\"orders\")");
  }

  @Test
  void toDeleted_goneOrPresent_classified() {
    assertThat(ClusterReadiness.toDeleted(Optional.empty())).isInstanceOf(Readiness.Ready.class);
    assertThat(
            ClusterReadiness.toDeleted(Optional.of(Cluster.builder().status("DELETING").build())))
        .isInstanceOf(Readiness.Pending.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Successful, Ready", "InProgress, Pending", "Failed, Failed", "Cancelled, Failed"})
  void toSuccessful_eachUpdateStatus_classified(String status, String outcome) {
    Update update =
        Update.builder()
            .id("u-1")
            .type("VersionUpdate")
            .status(status)
            .errors(
                ErrorDetail.builder().errorCode("NodeCreationFailure").errorMessage("no").build())
            .build();
    Readiness<Update> found = ClusterReadiness.toSuccessful(ResourceRef.cluster("c"), update);
    assertThat(found.getClass().getSimpleName()).isEqualTo(outcome);
    if (found instanceof Readiness.Failed<Update> failed) {
      assertThat(((ResourceFailedException) failed.error()).issues())
          .extracting("code")
          .containsExactly("NodeCreationFailure");
    }
  }
}
