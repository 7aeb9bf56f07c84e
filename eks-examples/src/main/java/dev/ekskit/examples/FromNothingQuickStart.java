package dev.ekskit.examples;

import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.WorkloadRoleSpec;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * A cluster from nothing, then nothing again: the network, the cluster and node roles, the cluster
 * with vpc-cni, kube-proxy and coredns as managed add-ons, a managed node group, an access entry
 * for an operator role, and a Pod Identity association with a role of its own; then the cluster's
 * delete (which takes the node group, add-ons and the roles made for the cluster with it) and the
 * network's. Runs on the simulated AWS:
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -pl eks-examples -am package exec:java \
 *     -Dexec.mainClass=dev.ekskit.examples.FromNothingQuickStart
 * }</pre>
 */
public final class FromNothingQuickStart {
  private static final Duration PATIENCE = Duration.ofMinutes(60);

  private FromNothingQuickStart() {}

  public static void main(String[] args) {
    try (SimulatedAws aws = SimulatedAws.create()) {
      run(aws, "shop", System.out);
    }
  }

  /** Builds cluster {@code name} on {@code aws}, prints what it made, then deletes it all. */
  public static void run(SimulatedAws aws, String name, PrintStream out) {
    // An operator role that exists before ekskit and outlives the cluster.
    String operator = aws.createRole(name + "-operator", "ec2.amazonaws.com");
    try (EksKit kit =
        SimulatedKit.builder(aws).addListener(new ConsoleProgress(out, aws.time().now())).build()) {
      NetworkInfo network =
          kit.networks()
              .create(NetworkSpec.builder().name(name).clusterName(name).build())
              .await(PATIENCE);
      RoleInfo clusterRole =
          kit.roles()
              .createClusterRole(
                  ClusterRoleSpec.builder().name(name + "-cluster").clusterName(name).build())
              .await(PATIENCE);
      RoleInfo nodeRole =
          kit.roles()
              .createNodeRole(NodeRoleSpec.builder().name(name + "-node").clusterName(name).build())
              .await(PATIENCE);
      ClusterInfo cluster =
          kit.clusters()
              .create(
                  ClusterSpec.builder()
                      .name(name)
                      .kubernetesVersion("1.33")
                      .roleArn(clusterRole.arn())
                      .subnetIds(network.subnetIds())
                      .bootstrapSelfManagedAddons(false)
                      .build())
              .await(PATIENCE);
      Nodegroups.of(kit)
          .managed()
          .create(
              NodegroupSpec.builder()
                  .clusterName(name)
                  .name("general")
                  .nodeRoleArn(nodeRole.arn())
                  .subnetIds(List.copyOf(network.privateSubnetIds().values()))
                  .build())
          .await(PATIENCE);
      kit.access()
          .create(
              AccessEntrySpec.builder()
                  .clusterName(name)
                  .principalArn(operator)
                  .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"))
                  .build())
          .await(PATIENCE);
      kit.podIdentity()
          .associate(
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
          .await(PATIENCE);
      out.printf(
          "Cluster %s is %s in VPC %s with add-ons %s%n",
          cluster.name(), cluster.status(), network.vpcId(), kit.addons().list(name));

      ClusterDeletion deleted = kit.clusters().delete(name).await(PATIENCE);
      List<String> networkParts = kit.networks().delete(name).await(PATIENCE);
      out.printf(
          "Deleted cluster %s with node groups %s, add-ons %s, %s; and %d parts of its network%n",
          name, deleted.nodegroups(), deleted.addons(), deleted.otherParts(), networkParts.size());
    }
  }
}
