package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.Insight;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Category;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;

/** A cluster's upgrade-readiness insights, typed (moto has no insights API: HTML 404). */
class InsightSimTest extends SimulationTest {
  @BeforeEach
  void activeCluster() {
    kit.clusters().create(spec("orders").build()).join();
    aws.calls().clear();
  }

  @Test
  void upgradeInsights_healthyCluster_allPassingForTheNextVersion() {
    List<Insight> insights = kit.clusters().upgradeInsights("orders");

    assertThat(insights)
        .hasSize(5)
        .allSatisfy(
            i -> {
              assertThat(i.category()).isEqualTo(Category.UPGRADE_READINESS);
              assertThat(i.status()).isEqualTo(InsightStatusValue.PASSING);
              assertThat(i.kubernetesVersion()).isEqualTo("1.34");
              assertThat(i.recommendation()).isNotEmpty();
              assertThat(i.needsAttention()).isFalse();
            });
    assertThat(insights)
        .extracting(Insight::name)
        .contains("Deprecated APIs removed in Kubernetes v1.34");
    assertThat(aws.calls().count("DescribeInsight")).isEqualTo(5);
  }

  @Test
  void upgradeInsights_deprecatedApisInUse_errorWithDeprecationDetails() {
    aws.faults().upgradeInsight("orders", InsightStatusValue.ERROR);

    Insight deprecated =
        kit.clusters().upgradeInsights("orders").stream()
            .filter(Insight::needsAttention)
            .findFirst()
            .orElseThrow();

    assertThat(deprecated.status()).isEqualTo(InsightStatusValue.ERROR);
    assertThat(deprecated.reason()).contains("Deprecated API usage detected");
    assertThat(deprecated.deprecations())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.usage()).contains("v1beta3/flowschemas");
              assertThat(d.replacedWith()).contains("/v1/flowschemas");
              assertThat(d.stopServingVersion()).isEqualTo("1.34");
              assertThat(d.clients())
                  .singleElement()
                  .satisfies(c -> assertThat(c.userAgent()).startsWith("kube-controller-manager"));
            });
  }

  @Test
  void upgradeInsights_warning_needsAttention() {
    aws.faults().upgradeInsight("orders", InsightStatusValue.WARNING);

    assertThat(kit.clusters().upgradeInsights("orders"))
        .filteredOn(Insight::needsAttention)
        .extracting(Insight::status)
        .containsExactly(InsightStatusValue.WARNING);
  }

  @Test
  void insight_byId_orEmptyWhenUnknown() {
    String id = kit.clusters().upgradeInsights("orders").get(0).id();

    assertThat(kit.clusters().insight("orders", id)).map(Insight::id).contains(id);
    assertThat(kit.clusters().insight("orders", "no-such-id")).isEmpty();
  }
}
