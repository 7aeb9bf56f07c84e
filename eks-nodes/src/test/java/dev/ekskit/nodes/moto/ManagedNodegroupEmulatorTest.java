package dev.ekskit.nodes.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodeTaint;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/** Managed node group create, describe, adopt and delete with the SDK's clients against moto. */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagedNodegroupEmulatorTest {
  private static final String CLUSTER = "orders";
  private final EksClient eks;
  private final EksKit kit;
  private final Nodegroups nodegroups;
  private final List<String> subnets;
  private final String nodeRole;

  ManagedNodegroupEmulatorTest(MotoAccount account) {
    eks = account.client(EksClient.builder());
    Ec2Client ec2 = account.client(Ec2Client.builder());
    subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
    nodeRole = "arn:aws:iam::" + account.accountId() + ":role/eks-node";
    kit = EmulatedKit.kit(eks, ec2);
    kit.clusters()
        .create(
            ClusterSpec.builder()
                .name(CLUSTER)
                .kubernetesVersion("1.33")
                .roleArn("arn:aws:iam::" + account.accountId() + ":role/eks-cluster")
                .subnetIds(subnets)
                .build())
        .join();
    nodegroups = Nodegroups.of(kit);
  }

  @AfterAll
  void close() {
    kit.close();
  }

  private NodegroupSpec.Builder spec(String name) {
    return NodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m7g.large")
        .ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
        .minSize(1)
        .desiredSize(2)
        .maxSize(3);
  }

  @Test
  void createDescribeDelete_armGroup_roundTrips() {
    NodegroupInfo created =
        nodegroups.managed().create(spec("arm").putLabels("tier", "web").build()).join();

    assertThat(created.statusAsString()).isEqualTo("ACTIVE");
    assertThat(created.amiType()).isEqualTo("AL2023_ARM_64_STANDARD");
    assertThat(nodegroups.managed().describe(CLUSTER, "arm"))
        .get()
        .extracting(NodegroupInfo::arn)
        .isEqualTo(created.arn());
    assertThat(
            eks.describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("arm"))
                .nodegroup()
                .tags())
        .containsKey("ekskit.dev/managed-by");

    assertThat(nodegroups.managed().delete(CLUSTER, "arm").join().deleted()).isTrue();
    assertThat(nodegroups.managed().describe(CLUSTER, "arm")).isEmpty();
  }

  @Test
  void create_taintsAndVolume_reachEksInItsOwnTerms() {
    nodegroups
        .managed()
        .create(
            spec("tainted")
                .addTaints(
                    NodeTaint.parse("dedicated=batch:NoSchedule"),
                    NodeTaint.of("spot", NodeTaint.Effect.PREFER_NO_SCHEDULE))
                .volumeGib(40)
                .build())
        .join();

    Nodegroup group =
        eks.describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("tainted")).nodegroup();
    assertThat(group.taints())
        .extracting(t -> t.key() + "=" + t.value() + ":" + t.effectAsString())
        .containsExactlyInAnyOrder("dedicated=batch:NO_SCHEDULE", "spot=null:PREFER_NO_SCHEDULE");
    assertThat(group.diskSize()).isEqualTo(40);
  }

  @Test
  void create_again_adoptsOrReportsConflict() {
    NodegroupInfo first = nodegroups.managed().create(spec("twice").build()).join();

    assertThat(nodegroups.managed().create(spec("twice").build()).join().arn())
        .isEqualTo(first.arn());
    assertThatThrownBy(() -> nodegroups.managed().create(spec("twice").maxSize(5).build()).join())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("maxSize");
  }
}
