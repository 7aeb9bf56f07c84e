package dev.ekskit.core.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.Violation;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** The cluster lifecycle with the SDK's real clients, over HTTP, against moto_server. */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterEmulatorTest {
  private final EksClient eks;
  private final List<String> subnets;
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private final EksKit kit;
  private final String roleArn;

  ClusterEmulatorTest(MotoAccount account) {
    eks = account.client(EksClient.builder());
    Ec2Client ec2 = account.client(Ec2Client.builder());
    subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
    roleArn = "arn:aws:iam::" + account.accountId() + ":role/eks-cluster";
    kit = EmulatedKit.kit(eks, ec2, events::add);
  }

  @AfterAll
  void closeKit() {
    kit.close();
  }

  private ClusterSpec.Builder spec(String name) {
    return ClusterSpec.builder()
        .name(name)
        .kubernetesVersion("1.33")
        .roleArn(roleArn)
        .subnetIds(subnets);
  }

  @Test
  void create_onEmulator_activeDescribedAndTagged() {
    ClusterInfo cluster = kit.clusters().create(spec("emu-create").build()).join();

    assertThat(cluster.isActive()).isTrue();
    assertThat(kit.clusters().describe("emu-create"))
        .get()
        .satisfies(
            found -> {
              assertThat(found.arn()).isEqualTo(cluster.arn());
              assertThat(found.tags()).containsEntry("ekskit.dev/managed-by", "ekskit");
            });
  }

  @Test
  void create_sameSpecTwice_emulatorAnswers409AndTheClusterIsAdopted() {
    ClusterInfo first = kit.clusters().create(spec("emu-adopt").build()).join();

    ClusterInfo again = kit.clusters().create(spec("emu-adopt").build()).join();

    assertThat(again.arn()).isEqualTo(first.arn());
    assertThat(eks.listClusters().clusters()).containsOnlyOnce("emu-adopt");
  }

  @Test
  void create_differentSpecForExistingName_conflictWithDiff() {
    kit.clusters().create(spec("emu-conflict").build()).join();

    assertThatThrownBy(
            () ->
                kit.clusters()
                    .create(spec("emu-conflict").kubernetesVersion("1.32").build())
                    .join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("kubernetesVersion"));
  }

  @Test
  void create_unknownSubnet_emulatorsNotFoundBecomesAViolation() {
    ClusterSpec spec =
        spec("emu-bad-subnet")
            .subnetIds(List.of(subnets.get(0), "subnet-0123456789abcdef0"))
            .build();

    assertThatThrownBy(() -> kit.clusters().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("subnetIds[1]"));
    assertThat(eks.listClusters().clusters()).doesNotContain("emu-bad-subnet");
  }

  @Test
  void updateConfig_logging_appliedAlthoughEmulatorReturnsNoUpdate() {
    kit.clusters().create(spec("emu-logging").build()).join();

    ClusterInfo updated =
        kit.clusters()
            .updateConfig(
                "emu-logging",
                ClusterConfigUpdate.builder().enabledLogTypes(Set.of(LogType.AUDIT)).build())
            .join();

    assertThat(updated.sdkCluster().logging().clusterLogging())
        .anyMatch(setup -> setup.enabled() && setup.types().contains(LogType.AUDIT));
  }

  @Test
  void delete_onEmulator_goneAndSecondRunFindsNothing() {
    kit.clusters().create(spec("emu-delete").build()).join();

    assertThat(kit.clusters().delete("emu-delete").join().clusterDeleted()).isTrue();

    assertThatThrownBy(() -> eks.describeCluster(r -> r.name("emu-delete")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(kit.clusters().delete("emu-delete").join().clusterDeleted()).isFalse();
  }

  @Test
  void describe_missingCluster_404MapsToEmpty() {
    assertThat(kit.clusters().describe("emu-never-created")).isEmpty();
  }

  @Test
  void updateVersion_operationEmulatorLacks_typedErrorNamingTheStep() {
    kit.clusters().create(spec("emu-version").kubernetesVersion("1.32").build()).join();

    // moto has no UpdateClusterVersion: it answers an HTML 404 without an error code.
    assertThatThrownBy(() -> kit.clusters().updateVersion("emu-version", "1.33").join())
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.step()).isEqualTo("update version to 1.33");
              assertThat(e.getMessage()).contains("the cluster was not changed", "404");
            });
  }
}
