package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.IamException;

class UnmodelledTest {
  @Test
  void operation_theSimulationDoesNotModel_namesServiceAndOperation() {
    try (SimulatedAws aws = SimulatedAws.create()) {
      assertThatThrownBy(() -> aws.ec2().describeVolumes(r -> r.maxResults(5)))
          .isInstanceOfSatisfying(
              Ec2Exception.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The simulated EC2 does not model DescribeVolumes yet");
              });
      assertThatThrownBy(() -> aws.iam().listUsers())
          .isInstanceOf(IamException.class)
          .hasMessageStartingWith("The simulated IAM does not model ListUsers yet");
      assertThat(aws.eks().listClusters().clusters()).isEmpty();
    }
  }
}
