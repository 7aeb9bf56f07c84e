package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cluster created with {@code bootstrapSelfManagedAddons(false)} gets vpc-cni, kube-proxy and
 * coredns as EKS-managed add-ons once ACTIVE, as eksctl does; coredns waits for nodes.
 */
class AddonBootstrapSimTest extends SimulationTest {
  private ClusterSpec withoutSelfManagedAddons() {
    return spec("orders").bootstrapSelfManagedAddons(false).build();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_withoutSelfManagedAddons_networkingAddonsManagedByEks(Path path) {
    ClusterInfo cluster = path.finish(kit.clusters().create(withoutSelfManagedAddons()));

    assertThat(cluster.statusAsString()).isEqualTo("ACTIVE");
    assertThat(kit.addons().list("orders"))
        .containsExactlyInAnyOrder("vpc-cni", "kube-proxy", "coredns");
    assertThat(kit.addons().describe("orders", "vpc-cni").map(AddonInfo::statusAsString))
        .contains("ACTIVE");
    assertThat(kit.addons().describe("orders", "coredns").map(AddonInfo::statusAsString))
        .contains("DEGRADED");
    assertThat(
            aws.calls().all().stream().filter(c -> c.operation().equals("CreateCluster")).count())
        .isEqualTo(1);
  }

  @Test
  void create_again_adoptsTheAddonsAsTheyAre() {
    kit.clusters().create(withoutSelfManagedAddons()).join();
    aws.eks()
        .updateAddon(
            r ->
                r.clusterName("orders")
                    .addonName("kube-proxy")
                    .configurationValues("{\"mode\":\"ipvs\"}"));
    aws.calls().clear();

    kit.clusters().create(withoutSelfManagedAddons()).join();

    assertThat(aws.calls().all())
        .filteredOn(c -> c.operation().equals("CreateAddon") && c.succeeded())
        .isEmpty();
    assertThat(aws.calls().count("UpdateAddon")).isZero();
  }

  @Test
  void create_byDefault_noManagedAddons() {
    kit.clusters().create(spec("orders").build()).join();

    assertThat(kit.addons().list("orders")).isEmpty();
    assertThat(aws.calls().count("CreateAddon")).isZero();
  }
}
