package dev.ekskit.examples;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodeTaint;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/**
 * The quick-start cluster with two kinds of nodes, on the simulated AWS of {@code eks-simulator}
 * (no account, a few seconds of wall time): a Bottlerocket (arm64, Graviton) managed node group,
 * and an Amazon Linux 2023 self-managed node group (launch template, instance profile, access
 * entry, Auto Scaling group).
 *
 * <pre>{@code
 * mvn -pl eks-examples exec:java -Dexec.mainClass=dev.ekskit.examples.NodesQuickStart
 * }</pre>
 */
public final class NodesQuickStart {
  private static final Duration PATIENCE = Duration.ofMinutes(40);

  private NodesQuickStart() {}

  /** The two node groups the example made. */
  public record Nodes(NodegroupInfo managed, SelfManagedNodegroupInfo selfManaged) {}

  public static void main(String[] args) {
    onSimulatedAws(args.length > 0 ? args[0] : "quickstart", System.out);
  }

  /** Creates the cluster and its node groups on a fresh simulated AWS. */
  public static Nodes onSimulatedAws(String name, PrintStream out) {
    try (SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(3);
      String nodeRole = aws.createRole("eks-node-role", "ec2.amazonaws.com");
      try (EksKit kit =
          SimulatedKit.builder(aws)
              .addListener(new ConsoleProgress(out, aws.time().now()))
              .build()) {
        Nodegroups nodegroups = Nodegroups.of(kit);
        ClusterInfo cluster =
            kit.clusters()
                .create(
                    ClusterSpec.builder()
                        .name(name)
                        .kubernetesVersion("1.33")
                        .roleArn(aws.createRole("eks-cluster-role", "eks.amazonaws.com"))
                        .subnetIds(subnets)
                        .build())
                .await(PATIENCE);
        NodegroupInfo managed =
            nodegroups
                .managed()
                .create(
                    NodegroupSpec.builder()
                        .clusterName(cluster.name())
                        .name("bottlerocket-arm")
                        .nodeRoleArn(nodeRole)
                        .subnetIds(subnets)
                        .addInstanceTypes("m7g.large", "c7g.xlarge")
                        .ami(AmiChoice.bottlerocket(CpuArch.ARM64, Accelerator.NONE, false))
                        .minSize(1)
                        .desiredSize(2)
                        .maxSize(4)
                        .maxUnavailable(1)
                        .putLabels("workload", "general")
                        .build())
                .await(PATIENCE);
        out.printf(
            "Node group %s is %s: %s, Kubernetes %s, %d-%d nodes%n",
            managed.name(),
            managed.status(),
            managed.amiType(),
            managed.kubernetesVersion(),
            managed.minSize(),
            managed.maxSize());
        SelfManagedNodegroupInfo selfManaged =
            nodegroups
                .selfManaged()
                .create(
                    SelfManagedNodegroupSpec.builder()
                        .clusterName(cluster.name())
                        .name("al2023-batch")
                        .nodeRoleArn(nodeRole)
                        .subnetIds(subnets)
                        .addInstanceTypes("m6i.large", "m7i.large", "m5.large")
                        .capacityType(CapacityTypes.SPOT)
                        .ami(AmiChoice.al2023(CpuArch.X86_64, Accelerator.NONE))
                        .minSize(0)
                        .desiredSize(2)
                        .maxSize(6)
                        .putLabels("workload", "batch")
                        .addTaints(NodeTaint.of("dedicated", "batch", NodeTaint.Effect.NO_SCHEDULE))
                        .build())
                .await(PATIENCE);
        out.printf(
            "Self-managed node group %s: %d instances InService in Auto Scaling group %s%n",
            selfManaged.name(),
            selfManaged.inServiceInstanceIds().size(),
            selfManaged.autoScalingGroupName());
        return new Nodes(managed, selfManaged);
      }
    }
  }
}
