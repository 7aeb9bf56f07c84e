package dev.ekskit.examples;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.testkit.SimulatedAws;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The quick-start cluster with a Bottlerocket (arm64, Graviton) managed node group, on the
 * simulated AWS of {@code eks-testkit}: no account, a few seconds of wall time.
 *
 * <pre>{@code
 * mvn -pl eks-examples exec:java -Dexec.mainClass=dev.ekskit.examples.NodesQuickStart
 * }</pre>
 */
public final class NodesQuickStart {
  private static final Duration PATIENCE = Duration.ofMinutes(40);

  private NodesQuickStart() {}

  public static void main(String[] args) {
    onSimulatedAws(args.length > 0 ? args[0] : "quickstart", System.out);
  }

  /** Creates the cluster and its node group on a fresh simulated AWS; returns the node group. */
  public static NodegroupInfo onSimulatedAws(String name, PrintStream out) {
    try (SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(3);
      String account = "arn:aws:iam::" + aws.accountId() + ":role/";
      try (EksKit kit = Simulation.kit(aws, new ConsoleProgress(out, aws.time().now()));
          Nodegroups nodegroups = Nodegroups.of(kit)) {
        ClusterInfo cluster =
            kit.clusters()
                .create(
                    ClusterSpec.builder()
                        .name(name)
                        .kubernetesVersion("1.33")
                        .roleArn(account + "eks-cluster-role")
                        .subnetIds(subnets)
                        .build())
                .await(PATIENCE);
        NodegroupInfo group =
            nodegroups
                .managed()
                .create(
                    NodegroupSpec.builder()
                        .clusterName(cluster.name())
                        .name("bottlerocket-arm")
                        .nodeRoleArn(account + "eks-node-role")
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
            group.name(),
            group.status(),
            group.amiType(),
            group.kubernetesVersion(),
            group.minSize(),
            group.maxSize());
        return group;
      }
    }
  }
}
