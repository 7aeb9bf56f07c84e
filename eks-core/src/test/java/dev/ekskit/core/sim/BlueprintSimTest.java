package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.WorkloadRoleSpec;
import org.junit.jupiter.api.Test;

/** A whole cluster through {@code kit.blueprints()} on the simulated AWS. */
class BlueprintSimTest extends SimulationTest {
  static ClusterBlueprint blueprint() {
    String cluster = "orders";
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name(cluster).kubernetesVersion("1.33").build())
        .network(NetworkSpec.builder().name(cluster).build())
        .clusterRole(ClusterRoleSpec.builder().name("orders-cluster").build())
        .nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
        .addAddons(
            AddonSpec.builder().clusterName(cluster).name("vpc-cni").build(),
            AddonSpec.builder().clusterName(cluster).name("kube-proxy").build(),
            AddonSpec.builder().clusterName(cluster).name("coredns").build())
        .addAccessEntries(
            AccessEntrySpec.builder()
                .clusterName(cluster)
                .principalArn("arn:aws:iam::123456789012:role/platform-admins")
                .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSClusterAdminPolicy"))
                .build())
        .addServiceAccountRoles(
            ServiceAccountRoleSpec.builder()
                .clusterName(cluster)
                .namespace("kube-system")
                .serviceAccount("ebs-csi-controller-sa")
                .role(
                    WorkloadRoleSpec.builder()
                        .name("orders-ebs-csi")
                        .addManagedPolicyArns(
                            "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy")
                        .build())
                .build())
        .addPodIdentityAssociations(
            PodIdentityAssociationSpec.builder()
                .clusterName(cluster)
                .namespace("orders")
                .serviceAccount("api")
                .role(WorkloadRoleSpec.builder().name("orders-api").build())
                .build())
        .build();
  }

  @Test
  void plan_emptyAccount_createsEverythingWithoutMutating() {
    aws.calls().clear();
    Plan plan = kit.blueprints().plan(blueprint());

    System.out.println(plan.render());
    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(plan.changes()).allMatch(change -> change.action() == PlanAction.CREATE);
  }

  @Test
  void apply_fromNothing_thenPlanShowsNoChange() {
    AppliedBlueprint applied = kit.blueprints().apply(blueprint()).join();
    System.out.println(applied.changes());
    Plan again = kit.blueprints().plan(blueprint());
    System.out.println(again.render());
    assertThat(again.hasChanges()).isFalse();
  }
}
