package dev.ekskit.core.moto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Faults on the wire: WireMock proxies to moto and answers chosen requests with 500, 429 or a reset
 * connection. The SDK's real client retries each HTTP call; ekskit retries the step once the SDK
 * gives up; every attempt of a create carries the same token.
 */
@MotoTest
class WireFaultsEmulatorTest {
  private static final Pattern TOKEN =
      Pattern.compile("\"clientRequestToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ACTION = Pattern.compile("Action=([A-Za-z]+)");
  private final MotoAccount account;
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private WireMockServer proxy;
  private EksKit kit;
  private List<String> subnets;

  WireFaultsEmulatorTest(MotoAccount account) {
    this.account = account;
  }

  @BeforeEach
  void startProxy() {
    proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    proxy.start();
    proxy.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(aResponse().proxiedFrom(account.endpoint().toString())));
    EksClient eks = account.clientThrough(EksClient.builder(), URI.create(proxy.baseUrl()));
    Ec2Client ec2 = account.client(Ec2Client.builder());
    subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
    kit = EmulatedKit.kit(eks, ec2, events::add);
  }

  @AfterEach
  void stopProxy() {
    kit.close();
    proxy.stop();
  }

  @Test
  void create_500Then429ThenResetThenSuccess_oneTokenAcrossSdkAndStepRetries() {
    failInTurn(
        () -> post(urlEqualTo("/clusters")),
        "create",
        error(500, "InternalFailure"),
        error(429, "ThrottlingException"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    ClusterInfo cluster = kit.clusters().create(spec("wire-create")).join();

    assertThat(cluster.isActive()).isTrue();
    List<String> tokens =
        proxy.findAll(postRequestedFor(urlEqualTo("/clusters"))).stream()
            .map(request -> token(request.getBodyAsString()))
            .toList();
    // Three SDK attempts fail, then ekskit's step retry sends a fourth with the same token.
    assertThat(tokens).hasSize(4).containsOnly(tokens.get(0));
    assertThat(events)
        .filteredOn(ProgressEvent.Retrying.class::isInstance)
        .anyMatch(e -> e.step().equals("create"));
  }

  @Test
  void create_describeThrottledPastSdkRetries_waitSlowsDownAndGoesOn() {
    String describe = "/clusters/wire-poll";
    ResponseDefinitionBuilder throttled = error(429, "ThrottlingException");
    failInTurn(
        () -> get(urlEqualTo(describe)), "describe", throttled, throttled, throttled, throttled);

    assertThat(kit.clusters().create(spec("wire-poll")).join().isActive()).isTrue();
    assertThat(proxy.findAll(getRequestedFor(urlEqualTo(describe)))).hasSizeGreaterThan(4);
    assertThat(events)
        .filteredOn(ProgressEvent.Retrying.class::isInstance)
        .anyMatch(e -> e.step().equals("wait ACTIVE"));
  }

  @Test
  void createNetwork_createVpcAnswered500_notSentAgainBeforeEkskitLooksForIt() {
    // EC2's CreateVpc takes no idempotency token: a 500 may come after the VPC was made, so a
    // blind second send (the SDK's own retry) could make a second one.
    failInTurn(
        () -> post(urlEqualTo("/")).withRequestBody(containing("Action=CreateVpc")),
        "create vpc",
        ec2Error(500, "InternalError"));
    Ec2Client ec2 = account.clientThrough(Ec2Client.builder(), URI.create(proxy.baseUrl()));

    try (EksKit networks = EmulatedKit.kit(account.client(EksClient.builder()), ec2)) {
      networks
          .networks()
          .create(NetworkSpec.builder().name("wire-net").zoneCount(2).build())
          .join();
    }

    List<String> actions =
        proxy.findAll(postRequestedFor(urlEqualTo("/"))).stream()
            .map(request -> action(request.getBodyAsString()))
            .filter(action -> action.endsWith("Vpc") || action.endsWith("Vpcs"))
            .toList();
    assertThat(actions)
        .containsSubsequence("CreateVpc", "DescribeVpcs", "CreateVpc")
        .filteredOn("CreateVpc"::equals)
        .hasSize(2);
    assertThat(
            account
                .client(Ec2Client.builder())
                .describeVpcs(r -> r.filters(f -> f.name("tag:Name").values("wire-net-vpc")))
                .vpcs())
        .hasSize(1);
  }

  private ClusterSpec spec(String name) {
    return ClusterSpec.builder()
        .name(name)
        .kubernetesVersion("1.33")
        .roleArn("arn:aws:iam::" + account.accountId() + ":role/eks-cluster")
        .subnetIds(subnets)
        .build();
  }

  /** Answers the first requests that {@code request} matches with {@code faults}, then proxies. */
  private void failInTurn(
      Supplier<MappingBuilder> request, String scenario, ResponseDefinitionBuilder... faults) {
    for (int i = 0; i < faults.length; i++) {
      proxy.stubFor(
          request
              .get()
              .atPriority(1)
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "fault-" + i)
              .willSetStateTo("fault-" + (i + 1))
              .willReturn(faults[i]));
    }
  }

  private static ResponseDefinitionBuilder error(int status, String type) {
    return aResponse()
        .withStatus(status)
        .withHeader("x-amzn-ErrorType", type)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Rate exceeded\"}");
  }

  private static ResponseDefinitionBuilder ec2Error(int status, String code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/xml")
        .withBody(
            "<Response><Errors><Error><Code>"
                + code
                + "</Code><Message>injected</Message></Error></Errors></Response>");
  }

  private static String action(String body) {
    Matcher m = ACTION.matcher(body);
    return m.find() ? m.group(1) : "";
  }

  private static String token(String body) {
    Matcher m = TOKEN.matcher(body);
    assertThat(m.find()).as("clientRequestToken in %s", body).isTrue();
    return m.group(1);
  }
}
