package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ClusterIssueCode;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

class ClusterLifecycleTest extends SimulatedAwsFixture {

  @Test
  void createCluster_beforeAndAfterDrawnDuration_isCreatingThenActive() {
    aws.durations().clusterCreate(Duration.ofMinutes(12));
    Cluster created = eks.createCluster(clusterRequest("orders")).cluster();

    aws.time().advance(Duration.ofMinutes(12).minusSeconds(1));
    Cluster almost = describe("orders");
    aws.time().advance(Duration.ofSeconds(1));

    assertThat(created.status()).isEqualTo(ClusterStatus.CREATING);
    assertThat(created.endpoint()).isNull();
    assertThat(almost.status()).isEqualTo(ClusterStatus.CREATING);
    assertThat(describe("orders").status()).isEqualTo(ClusterStatus.ACTIVE);
  }

  @Test
  void createCluster_defaultDraw_takesRealisticTimeDeterministicallyFromSeed() {
    List<ClusterStatus> firstRun = statusesEveryMinute(SimulatedAws.create());
    List<ClusterStatus> secondRun = statusesEveryMinute(SimulatedAws.create());

    int minutesCreating = firstRun.indexOf(ClusterStatus.ACTIVE);
    assertThat(minutesCreating).isBetween(7, 33);
    assertThat(secondRun).isEqualTo(firstRun);
  }

  @Test
  void describeCluster_active_isFilledAsEksDoes() {
    Cluster cluster = activeCluster("orders");

    assertThat(cluster.arn()).isEqualTo("arn:aws:eks:us-east-1:123456789012:cluster/orders");
    assertThat(cluster.version()).isEqualTo("1.33");
    assertThat(cluster.platformVersion()).isEqualTo("eks.1");
    assertThat(cluster.createdAt()).isEqualTo(VirtualTime.DEFAULT_START);
    assertThat(cluster.endpoint())
        .matches("https://[0-9A-F]{32}\\.gr7\\.us-east-1\\.eks\\.amazonaws\\.com");
    assertThat(
            new String(
                Base64.getDecoder().decode(cluster.certificateAuthority().data()),
                StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(cluster.resourcesVpcConfig().subnetIds()).isEqualTo(subnets);
    assertThat(cluster.resourcesVpcConfig().vpcId()).startsWith("vpc-");
    assertThat(cluster.resourcesVpcConfig().endpointPublicAccess()).isTrue();
    assertThat(cluster.kubernetesNetworkConfig().serviceIpv4Cidr()).isEqualTo("10.100.0.0/16");
    assertThat(cluster.roleArn()).isEqualTo(ROLE);
    assertThat(cluster.health().issues()).isEmpty();
  }

  @Test
  void createCluster_markedToFail_endsFailedWithHealthIssues() {
    ClusterIssue issue =
        ClusterIssue.builder()
            .code(ClusterIssueCode.IAM_ROLE_NOT_FOUND)
            .message("Role not found")
            .resourceIds(ROLE)
            .build();
    aws.faults().failClusterCreate("orders", issue);

    Cluster cluster = activeCluster("orders");

    assertThat(cluster.status()).isEqualTo(ClusterStatus.FAILED);
    assertThat(cluster.health().issues()).containsExactly(issue);
  }

  @Test
  void createCluster_sameClientRequestToken_returnsSameClusterWithoutNewResource() {
    String token = "token-1";
    Cluster first =
        eks.createCluster(clusterRequest("orders").toBuilder().clientRequestToken(token).build())
            .cluster();

    Cluster repeat =
        eks.createCluster(clusterRequest("orders").toBuilder().clientRequestToken(token).build())
            .cluster();

    assertThat(repeat.id()).isEqualTo(first.id());
    assertThat(eks.listClusters(r -> {}).clusters()).containsExactly("orders");
  }

  @Test
  void createCluster_existingNameOtherToken_throwsResourceInUse409() {
    eks.createCluster(clusterRequest("orders").toBuilder().clientRequestToken("a").build());

    var error =
        assertAwsError(
            () ->
                eks.createCluster(
                    clusterRequest("orders").toBuilder().clientRequestToken("b").build()),
            ResourceInUseException.class,
            409,
            "ResourceInUseException");

    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("Cluster already exists with name: orders");
    assertThat(error.awsErrorDetails().serviceName()).isEqualTo("Eks");
  }

  @Test
  void createCluster_invalidName_throwsInvalidParameter() {
    assertAwsError(
        () -> eks.createCluster(clusterRequest("-orders")),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
    assertAwsError(
        () -> eks.createCluster(clusterRequest("x".repeat(101))),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void createCluster_unknownSubnet_throwsInvalidParameter() {
    assertAwsError(
        () ->
            eks.createCluster(
                clusterRequest("orders").toBuilder()
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-a", "subnet-b"))
                    .build()),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void describeCluster_unknownName_throwsResourceNotFound404() {
    assertAwsError(
        () -> describe("nope"), ResourceNotFoundException.class, 404, "ResourceNotFoundException");
  }

  @Test
  void deleteCluster_afterDrawnDuration_isGone() {
    activeCluster("orders");

    Cluster deleting = eks.deleteCluster(r -> r.name("orders")).cluster();
    aws.time().advance(Duration.ofMinutes(15));

    assertThat(deleting.status()).isEqualTo(ClusterStatus.DELETING);
    assertAwsError(
        () -> describe("orders"),
        ResourceNotFoundException.class,
        404,
        "ResourceNotFoundException");
    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
  }

  @Test
  void listClusters_moreThanOnePage_pagesWithNextToken() {
    for (int i = 0; i < 5; i++) {
      eks.createCluster(clusterRequest("c" + i));
    }

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListClustersResponse page = eks.listClusters(r -> r.maxResults(2).nextToken(current));
      seen.addAll(page.clusters());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("c0", "c1", "c2", "c3", "c4");
    assertThat(eks.listClustersPaginator(r -> r.maxResults(2)).clusters())
        .containsExactlyElementsOf(seen);
  }

  @Test
  void tagResource_cluster_mergesAndUntags() {
    String arn =
        eks.createCluster(clusterRequest("orders").toBuilder().tags(Map.of("team", "a")).build())
            .cluster()
            .arn();

    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("env", "test")));
    eks.untagResource(r -> r.resourceArn(arn).tagKeys("team"));

    assertThat(eks.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .containsOnly(Map.entry("env", "test"));
    assertThat(describe("orders").tags()).containsOnly(Map.entry("env", "test"));
  }

  private List<ClusterStatus> statusesEveryMinute(SimulatedAws simulation) {
    try (simulation) {
      List<String> ids = simulation.createVpcWithSubnets(2);
      simulation
          .eks()
          .createCluster(
              r -> r.name("orders").roleArn(ROLE).resourcesVpcConfig(v -> v.subnetIds(ids)));
      List<ClusterStatus> statuses = new ArrayList<>();
      for (int minute = 0; minute <= 35; minute++) {
        statuses.add(simulation.eks().describeCluster(r -> r.name("orders")).cluster().status());
        simulation.time().advance(Duration.ofMinutes(1));
      }
      return statuses;
    }
  }
}
