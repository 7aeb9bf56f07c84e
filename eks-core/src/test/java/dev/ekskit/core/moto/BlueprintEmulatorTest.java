package dev.ekskit.core.moto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.BlueprintDeletion;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.WorkloadRoleSpec;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * A blueprint with what moto has (a VPC, IAM roles, the cluster, its OIDC provider and an IRSA
 * role) applied and deleted with the SDK's real clients over HTTP, and checked from outside with
 * plain SDK calls: every part there after apply, none after delete. moto has no add-ons, access
 * entries or Pod Identity; the simulation covers those.
 */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlueprintEmulatorTest {
  private static final String CLUSTER = "emu-blueprint";

  private final Ec2Client ec2;
  private final EksClient eks;
  private final IamClient iam;
  private final EksKit kit;

  BlueprintEmulatorTest(MotoAccount account) {
    ec2 = account.client(Ec2Client.builder());
    eks = account.client(EksClient.builder());
    iam = account.client(IamClient.builder());
    kit =
        EmulatedKit.builder(eks, ec2)
            .iamClient(iam)
            .client(
                ElasticLoadBalancingV2Client.class,
                account.client(ElasticLoadBalancingV2Client.builder()))
            .build();
  }

  @AfterAll
  void closeKit() {
    kit.close();
  }

  private static ClusterBlueprint blueprint() {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name(CLUSTER).kubernetesVersion("1.33").build())
        .network(NetworkSpec.builder().name(CLUSTER).zoneCount(2).build())
        .clusterRole(ClusterRoleSpec.builder().name("emu-blueprint-cluster").build())
        .nodeRole(NodeRoleSpec.builder().name("emu-blueprint-nodes").build())
        .addServiceAccountRoles(
            ServiceAccountRoleSpec.builder()
                .clusterName(CLUSTER)
                .namespace("kube-system")
                .serviceAccount("ebs-csi-controller-sa")
                .role(WorkloadRoleSpec.builder().name("emu-blueprint-ebs").build())
                .build())
        .build();
  }

  private List<String> vpcsOfTheBlueprint() {
    return ec2
        .describeVpcs(
            r ->
                r.filters(
                    Filter.builder().name("tag:ekskit.dev/blueprint").values(CLUSTER).build()))
        .vpcs()
        .stream()
        .map(vpc -> vpc.vpcId())
        .toList();
  }

  private List<String> rolesOfTheBlueprint() {
    return iam.listRoles().roles().stream()
        .map(Role::roleName)
        .filter(name -> name.startsWith("emu-blueprint-"))
        .sorted()
        .toList();
  }

  @Test
  void applyThenDelete_everyPartThereFromOutside_thenNone() {
    Plan plan = kit.blueprints().plan(blueprint());
    assertThat(plan.changes()).allMatch(change -> change.action() == PlanAction.CREATE);

    AppliedBlueprint applied = kit.blueprints().apply(blueprint()).join();

    assertThat(applied.changes(PlanAction.CREATE)).hasSize(5);
    assertThat(eks.describeCluster(r -> r.name(CLUSTER)).cluster().tags())
        .containsEntry("ekskit.dev/blueprint", CLUSTER);
    assertThat(eks.describeCluster(r -> r.name(CLUSTER)).cluster().resourcesVpcConfig().subnetIds())
        .containsExactlyInAnyOrderElementsOf(applied.network().orElseThrow().subnetIds());
    assertThat(vpcsOfTheBlueprint()).containsExactly(applied.network().orElseThrow().vpcId());
    assertThat(rolesOfTheBlueprint())
        .containsExactly("emu-blueprint-cluster", "emu-blueprint-ebs", "emu-blueprint-nodes");
    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
    assertThat(kit.blueprints().plan(blueprint()).hasChanges()).isFalse();

    BlueprintDeletion deleted = kit.blueprints().delete(blueprint()).join();

    assertThat(deleted.cluster().clusterDeleted()).isTrue();
    assertThat(deleted.networkParts()).isNotEmpty();
    assertThat(eks.listClusters().clusters()).doesNotContain(CLUSTER);
    assertThat(vpcsOfTheBlueprint()).isEmpty();
    assertThat(rolesOfTheBlueprint()).isEmpty();
    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
  }
}
