package dev.ekskit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.simulator.internal.Errors;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eks.model.EksException;

class AwsErrorsTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "429, TooManyRequestsException, THROTTLED",
    "400, ThrottlingException, THROTTLED",
    "503, RequestLimitExceeded, THROTTLED",
    "500, InternalFailure, TRANSIENT",
    "503, ServiceUnavailableException, TRANSIENT",
    "404, ResourceNotFoundException, NOT_FOUND",
    "400, InvalidSubnetID.NotFound, NOT_FOUND",
    "409, ResourceInUseException, IN_USE",
    "403, AccessDeniedException, ACCESS_DENIED",
    "400, UnauthorizedOperation, ACCESS_DENIED",
    "400, InvalidParameterException, INVALID",
    "400, InvalidRequestException, INVALID",
    "400, UnsupportedAvailabilityZoneException, INVALID",
    "404, '', NOT_FOUND"
  })
  void classify_statusAndCode_sorted(int status, String code, AwsErrors.Kind kind) {
    EksException error =
        (EksException)
            EksException.builder()
                .statusCode(status)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode(code.isEmpty() ? null : code)
                        .errorMessage("m")
                        .build())
                .build();
    assertThat(AwsErrors.classify(error)).isEqualTo(kind);
    assertThat(AwsErrors.classify(new CompletionException(error))).isEqualTo(kind);
  }

  @Test
  void classify_networkFault_transient() {
    assertThat(AwsErrors.classify(SdkClientException.create("Connection reset")))
        .isEqualTo(AwsErrors.Kind.TRANSIENT);
    assertThat(AwsErrors.isRetryable(SdkClientException.create("reset"))).isTrue();
  }

  @Test
  void describe_ec2Error_namesCodeStatusAndMessage() {
    Ec2Exception error =
        (Ec2Exception)
            Ec2Exception.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("InvalidSubnetID.NotFound")
                        .errorMessage("The subnet ID 'subnet-1' does not exist")
                        .build())
                .build();
    assertThat(AwsErrors.describe(error))
        .isEqualTo("InvalidSubnetID.NotFound (400): The subnet ID 'subnet-1' does not exist");
  }

  static Stream<Arguments> roleRefusals() {
    return Stream.of(
        Arguments.of(
            Errors.invalidParameter(
                "Role with arn: arn:aws:iam::123456789012:role/new, could not be assumed because it"
                    + " does not exist or the trusted entity is not correct"),
            true),
        Arguments.of(
            Errors.invalidParameter(
                "Following required service principals [ec2.amazonaws.com] were not found in the"
                    + " trust relationships of nodeRole arn:aws:iam::123456789012:role/nodes"),
            true),
        Arguments.of(
            Errors.invalidParameter(
                "Misconfigured PodExecutionRole Trust Policy; Please add the"
                    + " eks-fargate-pods.amazonaws.com Service Principal"),
            true),
        Arguments.of(Errors.invalidParameter("Subnet subnet-1 is not private"), false),
        Arguments.of(Errors.inUse("Role cannot be assumed while in use"), false));
  }

  @ParameterizedTest
  @MethodSource("roleRefusals")
  void saysRoleNotAssumable_eksRefusals_onlyRoleProblems(RuntimeException error, boolean role) {
    assertThat(AwsErrors.saysRoleNotAssumable(error)).isEqualTo(role);
  }
}
