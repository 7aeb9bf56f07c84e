package dev.ekskit.examples;

import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.BlueprintDeletion;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.UpgradePlan;
import dev.ekskit.core.WorkloadRoleSpec;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The README's main example: a whole cluster as one {@link ClusterBlueprint} on the simulated AWS
 * (no account, seconds of wall time for about an hour of simulated AWS). It prints the plan,
 * applies it with progress, plans and runs an upgrade by one minor version (control plane, add-ons,
 * both kinds of node group), and deletes it all.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl eks-examples -am package exec:java
 * }</pre>
 */
public final class BlueprintQuickStart {
  private static final Duration PATIENCE = Duration.ofHours(2);

  private BlueprintQuickStart() {}

  public static void main(String[] args) {
    try (SimulatedAws aws = SimulatedAws.create()) {
      run(aws, "shop", System.out);
    }
  }

  /** Plans, applies, upgrades and deletes blueprint {@code name} on {@code aws}. */
  public static BlueprintDeletion run(SimulatedAws aws, String name, PrintStream out) {
    // An operator role that exists before ekskit and outlives the cluster.
    String operator = aws.createRole(name + "-operator", "ec2.amazonaws.com");
    try (EksKit kit =
        SimulatedKit.builder(aws)
            .addListener(new MilestoneProgress(out, aws.time().now()))
            .build()) {
      ClusterBlueprint blueprint = blueprint(name, "1.33", operator);
      out.println(kit.blueprints().plan(blueprint).render());

      AppliedBlueprint applied = kit.blueprints().apply(blueprint).await(PATIENCE);
      out.printf(
          "%nCluster %s is %s on Kubernetes %s: %d resources created%n%n",
          applied.cluster().name(),
          applied.cluster().status(),
          applied.cluster().kubernetesVersion(),
          applied.changes(PlanAction.CREATE).size());

      UpgradePlan upgrade = kit.blueprints().planUpgrade(blueprint, "1.34");
      out.println(upgrade.render());
      AppliedBlueprint upgraded =
          kit.blueprints().upgrade(blueprint, "1.34", ApplyOptions.defaults()).await(PATIENCE);
      out.printf(
          "%nCluster %s is on Kubernetes %s: %d resources updated%n%n",
          upgraded.cluster().name(),
          upgraded.cluster().kubernetesVersion(),
          upgraded.changes(PlanAction.UPDATE).size());

      BlueprintDeletion deleted =
          kit.blueprints().delete(blueprint.withKubernetesVersion("1.34")).await(PATIENCE);
      out.printf(
          "%nDeleted cluster %s with node groups %s, add-ons %s, %s and %d parts of its network%n",
          name,
          deleted.cluster().nodegroups(),
          deleted.cluster().addons(),
          deleted.cluster().otherParts(),
          deleted.networkParts().size());
      return deleted;
    }
  }

  /**
   * A cluster with its own network and roles, the add-ons eksctl installs plus Pod Identity's
   * agent, an access entry for an operator role, a Graviton managed node group, an x86 self-managed
   * one for batch work, a Fargate profile, and a workload with a role of its own.
   */
  public static ClusterBlueprint blueprint(String name, String version, String operatorRole) {
    return ClusterBlueprint.builder()
        .cluster(ClusterSpec.builder().name(name).kubernetesVersion(version).build())
        .network(NetworkSpec.builder().name(name).build())
        .clusterRole(ClusterRoleSpec.builder().name(name + "-cluster").build())
        .nodeRole(NodeRoleSpec.builder().name(name + "-nodes").build())
        .addAddons(
            addon(name, "vpc-cni"),
            addon(name, "kube-proxy"),
            addon(name, "eks-pod-identity-agent"),
            addon(name, "coredns"))
        .addAccessEntries(
            AccessEntrySpec.builder()
                .clusterName(name)
                .principalArn(operatorRole)
                .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"))
                .build())
        .addParts(
            NodegroupSpec.builder()
                .clusterName(name)
                .name("general")
                .addInstanceTypes("m7g.large")
                .ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
                .minSize(2)
                .desiredSize(2)
                .maxSize(6)
                .build(),
            SelfManagedNodegroupSpec.builder()
                .clusterName(name)
                .name("batch")
                .addInstanceTypes("m5.large")
                .minSize(1)
                .desiredSize(2)
                .maxSize(4)
                .putLabels("workload", "batch")
                .build(),
            FargateProfileSpec.builder()
                .clusterName(name)
                .name("jobs")
                .addSelectors(FargateSelector.of("jobs"))
                .build())
        .addPodIdentityAssociations(
            PodIdentityAssociationSpec.builder()
                .clusterName(name)
                .namespace("orders")
                .serviceAccount("orders-api")
                .role(
                    WorkloadRoleSpec.builder()
                        .name(name + "-orders-api")
                        .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
                        .build())
                .build())
        .build();
  }

  private static AddonSpec addon(String cluster, String name) {
    return AddonSpec.builder().clusterName(cluster).name(name).build();
  }
}
