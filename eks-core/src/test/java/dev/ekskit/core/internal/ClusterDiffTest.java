package dev.ekskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.FieldDifference;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.LogType;

class ClusterDiffTest {
  private final ClusterSpec spec =
      ClusterSpec.builder()
          .name("orders")
          .kubernetesVersion("1.33")
          .roleArn("arn:aws:iam::123456789012:role/eks")
          .addSubnetIds("subnet-0000000a", "subnet-0000000b")
          .addLogTypes(LogType.AUDIT)
          .build();

  private Cluster.Builder matching() {
    return Cluster.builder()
        .name("orders")
        .version("1.33")
        .roleArn("arn:aws:iam::123456789012:role/eks")
        .resourcesVpcConfig(
            v ->
                v.subnetIds("subnet-0000000b", "subnet-0000000a")
                    .endpointPublicAccess(true)
                    .endpointPrivateAccess(false)
                    .publicAccessCidrs("0.0.0.0/0"))
        .logging(
            l ->
                l.clusterLogging(
                    s -> s.types(LogType.AUDIT).enabled(true),
                    s -> s.types(LogType.API).enabled(false)))
        .kubernetesNetworkConfig(k -> k.serviceIpv4Cidr("10.100.0.0/16").ipFamily("ipv4"))
        .accessConfig(a -> a.authenticationMode("API_AND_CONFIG_MAP"));
  }

  @Test
  void between_sameClusterInOtherOrder_noDifference() {
    assertThat(ClusterDiff.between(spec, matching().build())).isEmpty();
  }

  @Test
  void between_differentVersionRoleAndLogging_namesEachField() {
    Cluster other =
        matching()
            .version("1.32")
            .roleArn("arn:aws:iam::123456789012:role/other")
            .logging(l -> l.clusterLogging(s -> s.types(LogType.API).enabled(true)))
            .build();

    List<FieldDifference> diff = ClusterDiff.between(spec, other);

    assertThat(diff)
        .extracting(FieldDifference::field)
        .containsExactly("kubernetesVersion", "roleArn", "logTypes");
    assertThat(diff.get(0)).hasToString("kubernetesVersion: wanted 1.33, found 1.32");
  }
}
