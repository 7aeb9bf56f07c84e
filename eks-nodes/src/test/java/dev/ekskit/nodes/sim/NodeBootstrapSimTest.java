package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.NodeBootstrap;
import dev.ekskit.nodes.UserData;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

class NodeBootstrapSimTest extends NodesSimulationTest {
  @Test
  void forCluster_activeCluster_embedsEndpointCaAndDnsIp() {
    var cluster = kit.clusters().describe(CLUSTER).orElseThrow();

    NodeBootstrap boot = NodeBootstrap.forCluster(cluster).build();
    var toml = Toml.parse(UserData.render(AmiFamily.BOTTLEROCKET, boot));

    assertThat(toml.errors()).isEmpty();
    assertThat(toml.getString("settings.kubernetes.api-server")).isEqualTo(cluster.endpoint());
    assertThat(toml.getString("settings.kubernetes.cluster-certificate"))
        .isEqualTo(cluster.certificateAuthorityData());
    assertThat(toml.getString("settings.kubernetes.cluster-dns-ip")).endsWith(".10");
    assertThat(aws.calls().count("DescribeCluster")).isEqualTo(1);
  }
}
