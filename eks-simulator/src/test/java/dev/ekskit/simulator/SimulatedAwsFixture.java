package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;

/** A fresh simulation per test, and the requests and assertions the EKS tests share. */
abstract class SimulatedAwsFixture {
  static final String ROLE = "arn:aws:iam::123456789012:role/eks-cluster";

  final SimulatedAws aws = SimulatedAws.create();
  final EksClient eks = aws.eks();
  final List<String> subnets = aws.createVpcWithSubnets(3);

  @AfterEach
  void closeSimulation() {
    aws.close();
  }

  CreateClusterRequest clusterRequest(String name) {
    return CreateClusterRequest.builder()
        .name(name)
        .roleArn(ROLE)
        .resourcesVpcConfig(v -> v.subnetIds(subnets))
        .build();
  }

  Cluster describe(String name) {
    return eks.describeCluster(r -> r.name(name)).cluster();
  }

  /** Creates a cluster and lets virtual time pass until it is ACTIVE. */
  Cluster activeCluster(String name) {
    eks.createCluster(clusterRequest(name));
    aws.time().advance(Duration.ofMinutes(40));
    return describe(name);
  }

  /** Asserts the call fails as the real SDK would: type, status and error details. */
  static <E extends AwsServiceException> E assertAwsError(
      ThrowingCallable call, Class<E> type, int status, String errorCode) {
    E error = catchThrowableOfType(type, call);
    assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo(errorCode);
    assertThat(error.awsErrorDetails().errorMessage()).isNotBlank();
    return error;
  }
}
