package dev.ekskit.consumer;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import java.util.List;

/** What a service writes from the README: specs, the kit and its modules' facades. */
public final class Service {
  private Service() {}

  public static List<Object> specs() {
    List<String> subnets = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
    return List.of(
        ClusterSpec.builder()
            .name("orders")
            .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
            .subnetIds(subnets)
            .build(),
        NodegroupSpec.builder()
            .clusterName("orders")
            .name("general")
            .nodeRoleArn("arn:aws:iam::123456789012:role/eks-node")
            .subnetIds(subnets)
            .build(),
        FargateProfileSpec.builder()
            .clusterName("orders")
            .name("system")
            .podExecutionRoleArn("arn:aws:iam::123456789012:role/pods")
            .subnetIds(subnets)
            .addSelectors(FargateSelector.of("kube-system"))
            .build());
  }

  /** The modules' facades of a kit. */
  public static List<Object> facades(EksKit kit) {
    return List.of(kit.clusters(), Nodegroups.of(kit), FargateProfiles.of(kit));
  }
}
