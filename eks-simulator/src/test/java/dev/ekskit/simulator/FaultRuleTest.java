package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeClusterRequest;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;

class FaultRuleTest extends SimulatedAwsFixture {
  private final IamClient iam = aws.iam();

  @Test
  void matching_consumerBuiltRequest_failsOnlyMatchingCallsAsEksWould() {
    activeCluster("orders");
    aws.faults()
        .when("eks", "CreateNodegroup")
        .matching(CreateNodegroupRequest.class, r -> r.nodegroupName().equals("gpu"))
        .failWith(400, "InvalidParameterException", "No capacity for p5.48xlarge");

    var error =
        assertAwsError(
            () -> createNodegroup("gpu"),
            InvalidParameterException.class,
            400,
            "InvalidParameterException");
    createNodegroup("general");

    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("No capacity for p5.48xlarge");
    assertThat(error.awsErrorDetails().serviceName()).isEqualTo("Eks");
    assertThat(eks.listNodegroups(r -> r.clusterName("orders")).nodegroups())
        .containsExactly("general");
  }

  @Test
  void times_two_answersTwoMatchingCallsThenLetsThemThrough() {
    activeCluster("orders");
    FaultRule rule =
        aws.faults()
            .when("eks", "CreateNodegroup")
            .matching(CreateNodegroupRequest.class, r -> r.nodegroupName().equals("gpu"))
            .failWith(503)
            .times(2);

    assertThatThrownBy(() -> createNodegroup("gpu")).isInstanceOf(EksException.class);
    createNodegroup("general");
    assertThatThrownBy(() -> createNodegroup("gpu")).isInstanceOf(EksException.class);
    createNodegroup("gpu");

    assertThat(rule.answered()).isEqualTo(2);
    assertThat(eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("gpu")))
        .extracting(r -> r.nodegroup().status())
        .isEqualTo(NodegroupStatus.CREATING);
  }

  @Test
  void when_noTimes_answersOnce() {
    aws.faults().when("eks", "ListClusters").failWith(500);

    assertThatThrownBy(() -> eks.listClusters(r -> {})).isInstanceOf(EksException.class);
    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
  }

  @Test
  void always_answersEveryMatchingCallUntilCleared() {
    FaultRule rule = aws.faults().when("eks", "ListClusters").failWith(500).always();

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> eks.listClusters(r -> {})).isInstanceOf(EksException.class);
    }
    aws.faults().clear();

    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
    assertThat(rule.answered()).isEqualTo(5);
  }

  @Test
  void respond_beforeActing_answersThatWithoutActing() {
    aws.faults()
        .when("iam", "CreateRole")
        .respond(
            CreateRoleResponse.builder()
                .role(Role.builder().roleName("nodes").arn("arn:aws:iam::1:role/nodes").build())
                .build());

    CreateRoleResponse answer =
        iam.createRole(r -> r.roleName("nodes").assumeRolePolicyDocument("{}"));

    assertThat(answer.role().arn()).isEqualTo("arn:aws:iam::1:role/nodes");
    assertAwsError(
        () -> iam.getRole(r -> r.roleName("nodes")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void respond_afterActing_actsAndAnswersThatInstead() {
    activeCluster("orders");
    aws.faults()
        .when("eks", "ListClusters")
        .respond(ListClustersResponse.builder().clusters("legacy").build())
        .afterActing();

    assertThat(eks.listClusters(r -> {}).clusters()).containsExactly("legacy");
    assertThat(eks.listClusters(r -> {}).clusters()).containsExactly("orders");
  }

  @Test
  void failWith_afterActing_actsAndTheCallerSeesTheError() {
    aws.faults()
        .when("iam", "CreateRole")
        .failWith(409, "EntityAlreadyExists", "Role with name nodes already exists.")
        .afterActing();

    assertAwsError(
        () -> iam.createRole(r -> r.roleName("nodes").assumeRolePolicyDocument("{}")),
        EntityAlreadyExistsException.class,
        409,
        "EntityAlreadyExists");

    assertThat(iam.getRole(r -> r.roleName("nodes")).role().roleName()).isEqualTo("nodes");
  }

  @Test
  void afterActing_callThatFailsOnItsOwn_isNotAnsweredNorCounted() {
    FaultRule rule = aws.faults().when("eks", "DescribeCluster").failWith(500).afterActing();

    assertAwsError(
        () -> describe("missing"),
        ResourceNotFoundException.class,
        404,
        "ResourceNotFoundException");

    assertThat(rule.answered()).isZero();
  }

  @Test
  void afterActing_afterCommitHookLostTheAnswer_ruleWaitsForTheNextCall() {
    aws.faults()
        .afterCommit(
            "ListClusters",
            () -> {
              throw aws.faults().error("Eks", 503);
            });
    FaultRule rule = aws.faults().when("eks", "ListClusters").failWith(500).afterActing();

    assertAwsError(
        () -> eks.listClusters(r -> {}), EksException.class, 503, "ServiceUnavailableException");
    assertAwsError(() -> eks.listClusters(r -> {}), EksException.class, 500, "InternalFailure");

    assertThat(rule.answered()).isEqualTo(1);
  }

  @Test
  void delay_alone_passesVirtualTimeThenAnswersAsTheSimulation() {
    eks.createCluster(clusterRequest("orders"));
    aws.faults().when("eks", "DescribeCluster").delay(Duration.ofSeconds(30)).always();
    Instant before = aws.time().now();

    String name = describe("orders").name();
    describe("orders");

    assertThat(name).isEqualTo("orders");
    assertThat(aws.time().now()).isEqualTo(before.plusSeconds(60));
  }

  @Test
  void delay_withError_passesVirtualTimeThenFails() {
    aws.faults().when("eks", "ListClusters").delay(Duration.ofMinutes(2)).failWith(500);
    Instant before = aws.time().now();

    assertThatThrownBy(() -> eks.listClusters(r -> {})).isInstanceOf(EksException.class);

    assertThat(aws.time().now()).isEqualTo(before.plus(Duration.ofMinutes(2)));
  }

  @Test
  void calls_answeredByRules_recordWhatTheCallerSaw() {
    aws.faults().when("eks", "ListClusters").failWith(400, "InvalidRequestException", "No");
    aws.faults().when("eks", "ListClusters").respond(ListClustersResponse.builder().build());
    aws.faults().when("iam", "CreateRole").failWith(500).afterActing();

    assertThatThrownBy(() -> eks.listClusters(r -> {})).isInstanceOf(EksException.class);
    eks.listClusters(r -> {});
    assertThatThrownBy(
            () -> iam.createRole(r -> r.roleName("nodes").assumeRolePolicyDocument("{}")))
        .isInstanceOf(ServiceFailureException.class);

    assertThat(aws.calls().all())
        .extracting(Call::service, Call::operation, Call::statusCode, Call::errorCode)
        .containsExactly(
            tuple("Eks", "ListClusters", 400, "InvalidRequestException"),
            tuple("Eks", "ListClusters", 200, null),
            tuple("Iam", "CreateRole", 500, "ServiceFailure"));
  }

  @Test
  void rules_severalMatch_oldestLiveOneAnswers() {
    FaultRule first = aws.faults().when("eks", "ListClusters").failWith(500);
    FaultRule second = aws.faults().when("eks", "ListClusters").failWith(503);

    assertAwsError(() -> eks.listClusters(r -> {}), EksException.class, 500, "InternalFailure");
    assertAwsError(
        () -> eks.listClusters(r -> {}), EksException.class, 503, "ServiceUnavailableException");

    assertThat(first.answered()).isEqualTo(1);
    assertThat(second.answered()).isEqualTo(1);
  }

  @Test
  void beforeActingRule_comesBeforeThrottling() {
    aws.faults().throttle(1.0);
    aws.faults().when("eks", "ListClusters").respond(ListClustersResponse.builder().build());

    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
    assertAwsError(
        () -> eks.listClusters(r -> {}), EksException.class, 429, "TooManyRequestsException");
  }

  @Test
  void when_awsOrSdkSpellingOfOperation_bothMatch() {
    aws.faults().when("iam", "CreateOpenIDConnectProvider").failWith(500);
    aws.faults().when("iam", "CreateOpenIdConnectProvider").failWith(503);

    assertAwsError(
        () -> createOidcProvider(), ServiceFailureException.class, 500, "ServiceFailure");
    assertAwsError(
        () -> createOidcProvider(), ServiceFailureException.class, 503, "ServiceFailure");
  }

  @Test
  void matching_severalConditions_allMustHold() {
    FaultRule rule =
        aws.faults()
            .when("eks", "DescribeCluster")
            .matching(DescribeClusterRequest.class, r -> r.name().startsWith("ord"))
            .matching(DescribeClusterRequest.class, r -> r.name().endsWith("ers"))
            .failWith(500);
    eks.createCluster(clusterRequest("ordinal"));
    eks.createCluster(clusterRequest("orders"));

    describe("ordinal");
    assertThatThrownBy(() -> describe("orders")).isInstanceOf(EksException.class);

    assertThat(rule.answered()).isEqualTo(1);
  }

  @Test
  void matching_ec2Request_failsOnlyCallsForThatVpc() {
    String vpc = aws.ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
    String other = aws.ec2().createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
    aws.faults()
        .when("ec2", "CreateSecurityGroup")
        .matching(CreateSecurityGroupRequest.class, r -> r.vpcId().equals(vpc))
        .failWith(400, "InvalidVpcID.NotFound", "The vpc ID '" + vpc + "' does not exist")
        .always();

    assertAwsError(
        () -> aws.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("a").description("a")),
        Ec2Exception.class,
        400,
        "InvalidVpcID.NotFound");
    String group =
        aws.ec2()
            .createSecurityGroup(r -> r.vpcId(other).groupName("a").description("a"))
            .groupId();

    assertThat(group).startsWith("sg-");
  }

  @Test
  void delay_alone_leavesTheNamedFaultsToApply() {
    aws.faults().when("eks", "ListClusters").delay(Duration.ofSeconds(5));
    aws.faults().failNext("ListClusters", 503);
    Instant before = aws.time().now();

    assertAwsError(
        () -> eks.listClusters(r -> {}), EksException.class, 503, "ServiceUnavailableException");

    assertThat(aws.time().now()).isEqualTo(before.plusSeconds(5));
  }

  private void createNodegroup(String name) {
    eks.createNodegroup(
        r ->
            r.clusterName("orders")
                .nodegroupName(name)
                .nodeRole("arn:aws:iam::123456789012:role/node")
                .subnets(subnets)
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(2)));
  }

  private void createOidcProvider() {
    iam.createOpenIDConnectProvider(
        r ->
            r.url("https://oidc.eks.us-east-1.amazonaws.com/id/ABC")
                .clientIDList("sts.amazonaws.com"));
  }
}
