package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnmodelledTest {
  @Test
  void operation_theSimulationDoesNotModel_namesServiceAndOperation() {
    try (SimulatedAws aws = SimulatedAws.create()) {
      assertThatThrownBy(() -> aws.ec2().describeVolumes(r -> r.maxResults(5)))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("The simulated EC2 does not model DescribeVolumes yet");
      assertThatThrownBy(() -> aws.iam().listUsers())
          .hasMessage("The simulated IAM does not model ListUsers yet");
      assertThat(aws.eks().listClusters().clusters()).isEmpty();
    }
  }
}
