package dev.ekskit.core.moto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.simulator.moto.MotoServer;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * A kit built with no clients uses the SDK's default chains, which read the endpoint from {@code
 * AWS_ENDPOINT_URL} or its system property {@code aws.endpointUrl}, as the SDK documents.
 */
@MotoTest
class DefaultClientsEmulatorTest {
  /** moto's account for requests without its account header. */
  private static final String DEFAULT_ACCOUNT = "123456789012";

  private static final Map<String, String> SETTINGS =
      Map.of(
          "aws.endpointUrl", MotoServer.shared().endpoint().toString(),
          "aws.region", "us-east-1",
          "aws.accessKeyId", "testing",
          "aws.secretAccessKey", "testing");

  @BeforeEach
  void pointTheDefaultChainAtMoto() {
    SETTINGS.forEach(System::setProperty);
  }

  @AfterEach
  void restore() {
    SETTINGS.keySet().forEach(System::clearProperty);
  }

  @Test
  void create_kitWithDefaultClients_reachesTheConfiguredEndpoint() {
    String name = "default-chain-" + UUID.randomUUID().toString().substring(0, 8);
    try (EksKit kit = EksKit.builder().pollingOverride(EmulatedKit.FAST).build()) {
      List<String> subnets = EmulatedKit.subnets(kit.ec2Client(), "us-east-1a", "us-east-1b");

      ClusterInfo cluster =
          kit.clusters()
              .create(
                  ClusterSpec.builder()
                      .name(name)
                      .roleArn("arn:aws:iam::" + DEFAULT_ACCOUNT + ":role/eks")
                      .subnetIds(subnets)
                      .build())
              .join();

      assertThat(cluster.arn()).contains(DEFAULT_ACCOUNT);
    }
    try (EksClient eks = MotoServer.shared().client(EksClient.builder(), DEFAULT_ACCOUNT)) {
      assertThat(eks.listClusters().clusters()).contains(name);
    }
  }
}
