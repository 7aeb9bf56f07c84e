package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.CreateNodegroupResponse;
import software.amazon.awssdk.services.eks.model.DescribeClusterResponse;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicyNotFoundException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;
import software.amazon.awssdk.services.ssm.model.InternalServerErrorException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** Every simulated service by its SDK name, the SDK's error types, and misuse of the rule API. */
class FaultRuleServicesTest {
  private final SimulatedAws aws = SimulatedAws.create();

  /** One read of each simulated service, through its client as a user calls it. */
  private final Map<String, Consumer<SimulatedAws>> reads =
      Map.of(
          "ListClusters", a -> a.eks().listClusters(r -> {}),
          "DescribeVpcs", a -> a.ec2().describeVpcs(r -> {}),
          "ListRoles", a -> a.iam().listRoles(r -> {}),
          "GetParameter", a -> a.ssm().getParameter(r -> r.name("/any")),
          "DescribeAutoScalingGroups", a -> a.autoScaling().describeAutoScalingGroups(r -> {}),
          "DescribeLoadBalancers", a -> a.elbv2().describeLoadBalancers(r -> {}));

  @AfterEach
  void closeSimulation() {
    aws.close();
  }

  static Stream<Arguments> statusErrors() {
    return Stream.of(
        Arguments.of("eks", "ListClusters", EksException.class, "Eks"),
        Arguments.of("ec2", "DescribeVpcs", Ec2Exception.class, "Ec2"),
        Arguments.of("iam", "ListRoles", ServiceFailureException.class, "Iam"),
        Arguments.of("ssm", "GetParameter", InternalServerErrorException.class, "Ssm"),
        Arguments.of(
            "autoscaling", "DescribeAutoScalingGroups", AutoScalingException.class, "AutoScaling"),
        Arguments.of(
            "elasticloadbalancingv2",
            "DescribeLoadBalancers",
            ElasticLoadBalancingV2Exception.class,
            "ElasticLoadBalancingV2"),
        Arguments.of(
            "elasticloadbalancing",
            "DescribeLoadBalancers",
            ElasticLoadBalancingV2Exception.class,
            "ElasticLoadBalancingV2"));
  }

  @ParameterizedTest
  @MethodSource("statusErrors")
  void failWith_status_eachServiceByItsSdkName_givesItsTypicalError(
      String service, String operation, Class<? extends AwsServiceException> type, String sdkName) {
    aws.faults().when(service, operation).failWith(500);

    AwsServiceException error = catchThrowableOfType(type, () -> reads.get(operation).accept(aws));

    assertThat(error).isNotNull();
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.awsErrorDetails().serviceName()).isEqualTo(sdkName);
  }

  static Stream<Arguments> codedErrors() {
    return Stream.of(
        Arguments.of("eks", "ListClusters", "ResourceInUseException", ResourceInUseException.class),
        Arguments.of("eks", "ListClusters", "TooManyRequestsException", EksException.class),
        Arguments.of("ec2", "DescribeVpcs", "InvalidVpcID.NotFound", Ec2Exception.class),
        Arguments.of("iam", "ListRoles", "EntityAlreadyExists", EntityAlreadyExistsException.class),
        // Codes whose type the SDK names otherwise.
        Arguments.of(
            "iam", "ListRoles", "ReportInProgress", CredentialReportNotReadyException.class),
        Arguments.of("iam", "ListRoles", "Throttling", IamException.class),
        Arguments.of("ssm", "GetParameter", "ParameterNotFound", ParameterNotFoundException.class),
        Arguments.of(
            "autoscaling",
            "DescribeAutoScalingGroups",
            "AlreadyExists",
            AlreadyExistsException.class),
        Arguments.of(
            "elasticloadbalancingv2",
            "DescribeLoadBalancers",
            "LoadBalancerNotFound",
            LoadBalancerNotFoundException.class),
        Arguments.of(
            "elasticloadbalancingv2",
            "DescribeLoadBalancers",
            "SSLPolicyNotFound",
            SslPolicyNotFoundException.class));
  }

  @ParameterizedTest
  @MethodSource("codedErrors")
  void failWith_code_isTheTypeTheSdkMakesOfIt(
      String service, String operation, String code, Class<? extends AwsServiceException> type) {
    aws.faults().when(service, operation).failWith(400, code, "Injected: " + code);

    AwsServiceException error = catchThrowableOfType(type, () -> reads.get(operation).accept(aws));

    assertThat(error).isExactlyInstanceOf(type);
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Injected: " + code);
    assertThat(error.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(400);
  }

  @Test
  void when_unknownService_isIllegalArgumentNamingTheKnownOnes() {
    assertThatThrownBy(() -> aws.faults().when("sqs", "SendMessage"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sqs")
        .hasMessageContaining("elasticloadbalancingv2");
  }

  @Test
  void when_unknownOperation_isIllegalArgument() {
    assertThatThrownBy(() -> aws.faults().when("eks", "CreateNodeGroup"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CreateNodeGroup");
  }

  @Test
  void respond_wrongResponseType_isIllegalArgumentNamingTheExpectedType() {
    FaultRule rule = aws.faults().when("eks", "CreateNodegroup");

    assertThatThrownBy(() -> rule.respond(DescribeClusterResponse.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CreateNodegroupResponse.class.getName());
  }

  @Test
  void matching_wrongRequestType_isIllegalArgumentNamingTheExpectedType() {
    FaultRule rule = aws.faults().when("eks", "CreateNodegroup");

    assertThatThrownBy(() -> rule.matching(CreateClusterRequest.class, r -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CreateNodegroupRequest.class.getName());
  }

  @Test
  void failWith_nonErrorStatus_isIllegalArgument() {
    FaultRule rule = aws.faults().when("eks", "ListClusters");

    assertThatThrownBy(() -> rule.failWith(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.failWith(302, "Found", "moved"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failWith_secondAnswer_isIllegalState() {
    FaultRule rule = aws.faults().when("eks", "ListClusters").failWith(500);

    assertThatThrownBy(() -> rule.respond(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> rule.failWith(503)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void timesAndDelay_outOfRange_areIllegalArguments() {
    FaultRule rule = aws.faults().when("eks", "ListClusters");

    assertThatThrownBy(() -> rule.times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.delay(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.delay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void when_ruleNotToldHowToAnswer_answersNothing() {
    FaultRule rule = aws.faults().when("eks", "ListClusters").times(3);

    aws.eks().listClusters(r -> {});

    assertThat(rule.answered()).isZero();
  }
}
