package dev.ekskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.SupportType;

class ClusterMappingTest {
  @Test
  void createRequest_fullSpec_mapsEveryFieldAndTagsOwnership() {
    ClusterSpec spec =
        ClusterSpec.builder()
            .name("orders")
            .kubernetesVersion("1.33")
            .roleArn("arn:aws:iam::123456789012:role/eks")
            .addSubnetIds("subnet-0000000a", "subnet-0000000b")
            .addSecurityGroupIds("sg-0000000a")
            .endpointPrivateAccess(true)
            .addPublicAccessCidrs("203.0.113.0/24")
            .addLogTypes(LogType.API)
            .secretsKmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k")
            .serviceIpv4Cidr("172.20.0.0/16")
            .supportType(SupportType.STANDARD)
            .putTags("team", "pay")
            .build();

    CreateClusterRequest request = ClusterMapping.createRequest(spec, "token-1");

    assertThat(request.clientRequestToken()).isEqualTo("token-1");
    assertThat(request.version()).isEqualTo("1.33");
    assertThat(request.resourcesVpcConfig().subnetIds())
        .containsExactly("subnet-0000000a", "subnet-0000000b");
    assertThat(request.resourcesVpcConfig().endpointPrivateAccess()).isTrue();
    assertThat(request.resourcesVpcConfig().publicAccessCidrs()).containsExactly("203.0.113.0/24");
    assertThat(request.encryptionConfig())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.resources()).containsExactly("secrets");
              assertThat(e.provider().keyArn()).endsWith("key/k");
            });
    assertThat(request.kubernetesNetworkConfig().serviceIpv4Cidr()).isEqualTo("172.20.0.0/16");
    assertThat(request.upgradePolicy().supportType()).isEqualTo(SupportType.STANDARD);
    assertThat(request.tags())
        .containsEntry("team", "pay")
        .containsEntry("ekskit.dev/managed-by", "ekskit");
  }

  @Test
  void logging_someEnabled_disablesTheRestExplicitly() {
    var logging = ClusterMapping.logging(Set.of(LogType.AUDIT));
    assertThat(logging.clusterLogging()).hasSize(2);
    assertThat(logging.clusterLogging().get(0).types()).containsExactly(LogType.AUDIT);
    assertThat(logging.clusterLogging().get(1).enabled()).isFalse();
    assertThat(logging.clusterLogging().get(1).types()).hasSize(4).doesNotContain(LogType.AUDIT);
  }
}
