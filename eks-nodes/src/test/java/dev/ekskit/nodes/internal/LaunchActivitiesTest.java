package dev.ekskit.nodes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.autoscaling.model.Activity;

class LaunchActivitiesTest {
  private static final String PROFILE =
      "Value (orders-batch) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance"
          + " Profile name";

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        PROFILE + "|IamInstanceProfileNotFound",
        "We currently do not have sufficient m5.large capacity in the Availability Zone you"
            + " requested (us-east-1a).|InsufficientInstanceCapacity",
        "You have requested more vCPU capacity than your current vCPU limit of 32 allows for the"
            + " instance bucket that the specified instance type belongs to.|InstanceLimitExceeded",
        "The image id '[ami-0123456789abcdef0]' does not exist|InvalidAmi",
        "Your requested instance type (m7g.large) is not supported in your requested Availability"
            + " Zone (us-east-1e).|UnsupportedInstanceType",
        "Client.InternalError: Client error on launch.|VolumeKeyError",
        "Something nobody has seen before.|AsgInstanceLaunchFailures"
      })
  void code_ec2Wording_mapsToHintedCode(String message, String code) {
    assertThat(LaunchActivities.code(message)).isEqualTo(code);
    assertThat(NodegroupHints.forIssues(LaunchActivities.issues("g", List.of(failed(message)))))
        .isNotBlank();
  }

  @Test
  void failedInARow_stopsAtFirstSuccess() {
    List<Activity> newestFirst =
        List.of(failed("a"), failed("b"), successful(), failed("c"), failed("d"));

    assertThat(LaunchActivities.failedInARow(newestFirst)).hasSize(2);
  }

  @Test
  void mayBePropagation_onlyWhenEveryFailureIsTheProfile() {
    assertThat(LaunchActivities.mayBePropagation(List.of(failed(PROFILE), failed(PROFILE))))
        .isTrue();
    assertThat(LaunchActivities.mayBePropagation(List.of(failed(PROFILE), failed("capacity"))))
        .isFalse();
  }

  private static Activity failed(String message) {
    return Activity.builder().statusCode("Failed").statusMessage(message).build();
  }

  private static Activity successful() {
    return Activity.builder().statusCode("Successful").build();
  }
}
