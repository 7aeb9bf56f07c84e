package dev.ekskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class RunAgainTest {
  private static final ResourceRef VPC = ResourceRef.cluster("orders");
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void untilDone_gaveUpOnA500Twice_thirdRunReturns() {
    String done =
        RunAgain.untilDone(
            3,
            () -> {
              if (runs.incrementAndGet() < 3) {
                throw new CompletionException(partialCreation(ec2Error(500, "InternalError")));
              }
              return "done";
            });

    assertThat(done).isEqualTo("done");
    assertThat(runs).hasValue(3);
  }

  @Test
  void untilDone_gaveUpOnA500EveryRun_lastFailureFailsTheTest() {
    assertThatThrownBy(
            () ->
                RunAgain.untilDone(
                    2,
                    () -> {
                      runs.incrementAndGet();
                      throw new AwsCallException(
                          VPC, "create", "gave up", ec2Error(503, "Unavailable"));
                    }))
        .isInstanceOf(AwsCallException.class);
    assertThat(runs).hasValue(2);
  }

  @Test
  void untilDone_failureThatIsNoPassingFault_notRunAgain() {
    assertThatThrownBy(
            () ->
                RunAgain.untilDone(
                    3,
                    () -> {
                      runs.incrementAndGet();
                      throw partialCreation(ec2Error(400, "InvalidParameterValue"));
                    }))
        .isInstanceOf(PartialCreationException.class);
    assertThatThrownBy(
            () ->
                RunAgain.untilDone(
                    3,
                    () -> {
                      runs.incrementAndGet();
                      throw new ConflictException(VPC, List.of(), null);
                    }))
        .isInstanceOf(ConflictException.class);
    assertThat(runs).hasValue(2);
  }

  private static PartialCreationException partialCreation(Exception cause) {
    return new PartialCreationException(
        VPC,
        "apply blueprint",
        List.of(),
        "kit.blueprints().delete(\"orders\")",
        new AwsCallException(VPC, "create", "gave up", cause));
  }

  private static Ec2Exception ec2Error(int status, String code) {
    return (Ec2Exception)
        Ec2Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
            .build();
  }
}
