package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.AutoMode;
import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import dev.ekskit.simulator.Call;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.Cluster;

/** EKS Auto Mode: one switch on the cluster spec, compared on adopt, waited out on delete. */
class AutoModeSimTest extends SimulationTest {
  private static final String NODE_ROLE = "arn:aws:iam::123456789012:role/eks-auto-node";

  private ClusterSpec.Builder autoCluster() {
    return spec("orders").autoMode(AutoMode.builder().nodeRoleArn(NODE_ROLE).build());
  }

  private List<String> autoModeInstances() {
    return aws
        .ec2()
        .describeInstances(
            r ->
                r.filters(
                    Filter.builder().name("tag:eks:eks-cluster-name").values("orders").build()))
        .reservations()
        .stream()
        .flatMap(reservation -> reservation.instances().stream())
        .map(instance -> instance.instanceId())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_autoMode_computeStorageAndLoadBalancingTogetherAndNoBootstrapAddons(Path path) {
    ClusterInfo created = path.finish(kit.clusters().create(autoCluster().build()));

    Cluster cluster = created.sdkCluster();
    assertThat(cluster.computeConfig().enabled()).isTrue();
    assertThat(cluster.computeConfig().nodePools())
        .containsExactlyInAnyOrder("general-purpose", "system");
    assertThat(cluster.computeConfig().nodeRoleArn()).isEqualTo(NODE_ROLE);
    assertThat(cluster.storageConfig().blockStorage().enabled()).isTrue();
    assertThat(cluster.kubernetesNetworkConfig().elasticLoadBalancing().enabled()).isTrue();
    assertThat(kit.addons().list("orders")).isEmpty();
    assertThat(autoModeInstances()).hasSize(2);
  }

  @Test
  void create_addonNeedingCapacityOnAutoMode_activeOnItsNodes() {
    kit.clusters().create(autoCluster().build()).join();

    assertThat(
            kit.addons()
                .create(AddonSpec.builder().clusterName("orders").name("metrics-server").build())
                .join()
                .statusAsString())
        .isEqualTo("ACTIVE");
  }

  @Test
  void create_existingClusterWithoutAutoMode_conflictNamingAutoMode() {
    kit.clusters().create(spec("orders").build()).join();

    assertThatThrownBy(() -> kit.clusters().create(autoCluster().build()).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(
                        FieldDifference::field, FieldDifference::wanted, FieldDifference::actual)
                    .containsExactly(tuple("autoMode", "on", "off")));
  }

  @Test
  void create_existingAutoModeClusterWithOtherPools_conflictNamingNodePools() {
    kit.clusters().create(autoCluster().build()).join();

    assertThatThrownBy(
            () ->
                kit.clusters()
                    .create(
                        spec("orders")
                            .autoMode(
                                AutoMode.builder()
                                    .nodeRoleArn(NODE_ROLE)
                                    .nodePools(Set.of(AutoMode.NodePool.SYSTEM))
                                    .build())
                            .build())
                    .join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("autoMode.nodePools"));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void delete_autoModeCluster_waitsUntilItsNodesAreGone(Path path) {
    kit.clusters().create(autoCluster().build()).join();
    aws.durations().clusterDelete(Duration.ofMinutes(3)).autoModeNodesDrain(Duration.ofMinutes(7));
    var started = aws.time().now();

    ClusterDeletion deleted = path.finish(kit.clusters().delete("orders"));

    assertThat(deleted.clusterDeleted()).isTrue();
    assertThat(autoModeInstances()).isEmpty();
    assertThat(Duration.between(started, aws.time().now()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(7));
    assertThat(aws.calls().all())
        .extracting(Call::operation)
        .containsSubsequence("DeleteCluster", "DescribeInstances");
  }

  @Test
  void delete_clusterGoneButNodesLinger_runAgainWaitsForThem() {
    kit.clusters().create(autoCluster().build()).join();
    aws.durations().clusterDelete(Duration.ofMinutes(3)).autoModeNodesDrain(Duration.ofMinutes(7));
    aws.eks().deleteCluster(r -> r.name("orders"));
    aws.time().advance(Duration.ofMinutes(4));
    assertThat(aws.eks().listClusters(r -> {}).clusters()).isEmpty();
    assertThat(autoModeInstances()).isNotEmpty();

    ClusterDeletion again = kit.clusters().delete("orders").join();

    assertThat(again.clusterDeleted()).isFalse();
    assertThat(autoModeInstances()).isEmpty();
  }

  @Test
  void delete_clusterWithoutAutoMode_noInstanceLookup() {
    kit.clusters().create(spec("orders").build()).join();

    kit.clusters().delete("orders").join();

    assertThat(aws.calls().count("DescribeInstances")).isZero();
  }

  @Test
  void build_autoModeAgainstItsRules_everyViolationAtOnce() {
    assertThatThrownBy(
            () ->
                spec("orders")
                    .kubernetesVersion("1.28")
                    .authenticationMode(AuthenticationMode.CONFIG_MAP)
                    .bootstrapSelfManagedAddons(true)
                    .autoMode(AutoMode.builder().build())
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "kubernetesVersion", "authenticationMode", "bootstrapSelfManagedAddons"));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void create_builtInNodePoolsWithoutNodeRole_isRefusedBeforeAnyCall() {
    // A blueprint that makes the node role fills it in; a cluster created on its own needs it.
    ClusterSpec spec = spec("orders").autoMode(AutoMode.builder().build()).build();

    assertThatThrownBy(() -> kit.clusters().create(spec))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("autoMode.nodeRoleArn", "required")));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void build_autoModeWithoutNodePools_needsNoNodeRole() {
    ClusterSpec spec =
        spec("orders").autoMode(AutoMode.builder().nodePools(Set.of()).build()).build();

    assertThat(spec.bootstrapSelfManagedAddons()).isFalse();
    assertThat(kit.clusters().create(spec).join().sdkCluster().computeConfig().nodePools())
        .isEmpty();
  }
}
