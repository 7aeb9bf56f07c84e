package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterVersion;
import dev.ekskit.core.ClusterVersions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.VersionStatus;

/**
 * Kubernetes version facts from DescribeClusterVersions (moto has no such API: HTML 404). The
 * simulated EKS dates each version as EKS did and judges its support on virtual now, 2026-01-01.
 */
class ClusterVersionSimTest extends SimulationTest {
  @Test
  void versions_now_defaultSupportedAndTheirEnds() {
    ClusterVersions versions = kit.clusters().versions();

    assertThat(versions.defaultVersion()).map(ClusterVersion::version).contains("1.33");
    assertThat(versions.supported())
        .extracting(ClusterVersion::version)
        .containsExactly("1.34", "1.33", "1.32", "1.31", "1.30", "1.29");
    ClusterVersion v130 = versions.find("1.30").orElseThrow();
    assertThat(v130.status()).isEqualTo(VersionStatus.EXTENDED_SUPPORT);
    assertThat(v130.endOfStandardSupport()).contains(Instant.parse("2025-07-23T00:00:00Z"));
    assertThat(v130.endOfExtendedSupport()).contains(Instant.parse("2026-07-23T00:00:00Z"));
    assertThat(versions.find("1.33").orElseThrow().status())
        .isEqualTo(VersionStatus.STANDARD_SUPPORT);
    assertThat(versions.find("1.28"))
        .as("past extended support, so EKS lists it no more")
        .isEmpty();
    assertThat(aws.calls().count("DescribeClusterVersions")).isEqualTo(1);
  }
}
