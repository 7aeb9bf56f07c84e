package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.ekskit.core.spi.KitContext;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.RecordingEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The kit owns every AWS client: given ones are used and never closed, a kit given any makes none
 * (a missing one is a typed error naming the builder method), made ones are closed with the kit,
 * and every request names ekskit in its user agent.
 */
class KitClientsTest {
  private SimulatedAws aws;

  @BeforeEach
  void start() {
    aws = SimulatedAws.create();
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void client_kitGivenOthersButNotThisOne_invalidSpecNamingTheBuilderMethod() {
    AtomicReference<KitContext> context = new AtomicReference<>();
    try (EksKit kit =
        EksKit.builder()
            .eksClient(aws.eks())
            .ec2Client(aws.ec2())
            .discoverModules(false)
            .addModule(context::set)
            .build()) {

      assertThatThrownBy(() -> context.get().client(IamClient.class))
          .isInstanceOfSatisfying(
              InvalidSpecException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(
                          v -> {
                            assertThat(v.field()).isEqualTo("iamClient(...)");
                            assertThat(v.rule()).isEqualTo("client-required");
                          }));
      assertThatThrownBy(() -> context.get().client(SsmClient.class))
          .hasMessageContaining("EksKit.builder().client(SsmClient.class, ...)");
      assertThat(kit.eksClient().listClusters().clusters()).isEmpty();
    }
  }

  @Test
  void extension_noModuleProvidesIt_invalidSpecNamingModules() {
    try (EksKit kit = EksKit.builder().eksClient(aws.eks()).discoverModules(false).build()) {
      assertThatThrownBy(() -> kit.extension(Runnable.class))
          .isInstanceOfSatisfying(
              InvalidSpecException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactly("modules"));
    }
  }

  @Test
  void close_givenClients_neverClosed() {
    EksClient given = mock(EksClient.class);
    Ec2Client alsoGiven = mock(Ec2Client.class);

    EksKit.builder().eksClient(given).ec2Client(alsoGiven).build().close();

    verify(given, never()).close();
    verify(alsoGiven, never()).close();
  }

  @Test
  void authToken_kitGivenClientsButNoCredentials_invalidSpecNamingCredentialsProvider() {
    try (EksKit kit = EksKit.builder().eksClient(aws.eks()).build()) {
      assertThatThrownBy(() -> kit.clusters().authToken(cluster()))
          .isInstanceOf(InvalidSpecException.class)
          .hasMessageContaining("credentialsProvider");
    }
  }

  @Test
  void authToken_providerWithoutCredentials_typedErrorSayingWhatToConfigure() {
    AwsCredentialsProvider empty =
        () -> {
          throw SdkClientException.create("Unable to load credentials from any provider");
        };
    try (EksKit kit = EksKit.builder().eksClient(aws.eks()).credentialsProvider(empty).build()) {
      assertThatThrownBy(() -> kit.clusters().authToken(cluster()))
          .isExactlyInstanceOf(EksKitException.class)
          .hasMessageStartingWith("No AWS credentials to sign an EKS token with")
          .hasMessageContaining("credentialsProvider(...)")
          .hasCauseInstanceOf(SdkClientException.class);
    }
  }

  @Test
  void requests_ofAGivenClient_nameEkskitInTheUserAgent() {
    try (RecordingEndpoint endpoint = RecordingEndpoint.start();
        EksClient given =
            EksClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .build();
        EksKit kit = EksKit.builder().eksClient(given).build()) {

      assertThat(kit.clusters().describe("orders")).isEmpty();
      assertThat(kit.clusters().describe("payments")).isEmpty();

      assertThat(endpoint.requests())
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.userAgent()).contains("ekskit/0.1.0-SNAPSHOT"));
    }
  }

  @Test
  void requests_ofAClientTheKitMade_nameEkskitAndStopOnceTheKitIsClosed() {
    try (RecordingEndpoint endpoint = RecordingEndpoint.start().asDefaultChain()) {
      EksKit kit = EksKit.create();
      EksClient made = kit.eksClient();

      assertThat(kit.clusters().describe("orders")).isEmpty();
      kit.close();

      assertThat(endpoint.requests())
          .singleElement()
          .satisfies(r -> assertThat(r.userAgent()).contains("ekskit/0.1.0-SNAPSHOT"));
      assertThatThrownBy(() -> made.describeCluster(r -> r.name("orders")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(endpoint.requests()).hasSize(1);
    }
  }

  private static ClusterInfo cluster() {
    return new ClusterInfo(
        "orders",
        "arn:aws:eks:us-east-1:123456789012:cluster/orders",
        "ACTIVE",
        "1.33",
        "eks.1",
        "https://example.eks.amazonaws.com",
        "Y2E=",
        Instant.EPOCH,
        Map.of(),
        List.of(),
        null);
  }
}
