package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKitException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class KubeconfigSimTest extends SimulationTest {
  @Test
  @SuppressWarnings("unchecked")
  void kubeconfig_activeCluster_wellFormedWithServerCaAndToken() {
    kit.close();
    kit =
        kitOn(
            aws,
            builder ->
                builder.credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAEXAMPLE", "secret"))));
    ClusterInfo cluster = kit.clusters().create(spec("orders").build()).join();

    Map<String, Object> config = new Yaml().load(kit.clusters().kubeconfig(cluster));

    Map<String, Object> entry = ((List<Map<String, Object>>) config.get("clusters")).get(0);
    Map<String, Object> server = (Map<String, Object>) entry.get("cluster");
    assertThat(server)
        .containsEntry("server", cluster.endpoint())
        .containsEntry("certificate-authority-data", cluster.certificateAuthorityData());
    assertThat(config).containsEntry("current-context", cluster.arn());
    Map<String, Object> user =
        (Map<String, Object>) ((List<Map<String, Object>>) config.get("users")).get(0).get("user");
    assertThat((String) user.get("token")).startsWith("k8s-aws-v1.");
  }

  @Test
  @SuppressWarnings("unchecked")
  void kubeconfigForAwsCli_activeCluster_execsGetTokenInTheClustersRegion() {
    ClusterInfo cluster = kit.clusters().create(spec("orders").build()).join();

    Map<String, Object> config = new Yaml().load(kit.clusters().kubeconfigForAwsCli(cluster));

    Map<String, Object> exec =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((List<Map<String, Object>>) config.get("users")).get(0).get("user"))
                .get("exec");
    assertThat(exec).containsEntry("command", "aws");
    assertThat((List<String>) exec.get("args"))
        .containsExactly(
            "--region",
            "us-east-1",
            "eks",
            "get-token",
            "--cluster-name",
            "orders",
            "--output",
            "json");
  }

  @Test
  void kubeconfig_clusterNotActiveYet_saysSo() {
    ClusterInfo creating =
        dev.ekskit.core.internal.ClusterMapping.info(
            aws.eks()
                .createCluster(
                    r ->
                        r.name("early")
                            .roleArn("arn:aws:iam::123456789012:role/r")
                            .resourcesVpcConfig(v -> v.subnetIds(subnets)))
                .cluster());

    assertThatThrownBy(() -> kit.clusters().kubeconfigForAwsCli(creating))
        .isInstanceOf(EksKitException.class)
        .hasMessageContaining("CREATING");
  }
}
