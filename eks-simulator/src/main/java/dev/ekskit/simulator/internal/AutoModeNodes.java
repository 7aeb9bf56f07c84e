package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The EC2 managed instances EKS Auto Mode runs for a cluster, kept simple: one per node pool from
 * the moment the cluster is ACTIVE, tagged {@code eks:eks-cluster-name}; when the cluster's delete
 * starts they shut down and are gone a few minutes later, often after the cluster itself. EKS owns
 * them, EC2 shows them: DescribeInstances lists them beside the Auto Scaling groups' instances.
 */
final class AutoModeNodes {
  static final String CLUSTER_TAG = "eks:eks-cluster-name";
  static final String NODE_POOL_TAG = "eks:kubernetes-node-pool-name";

  private static final class Node {
    final String id;
    final String cluster;
    final String pool;
    final String zone;
    final Instant launchAt;
    Instant goneAt;

    Node(String id, String cluster, String pool, String zone, Instant launchAt) {
      this.id = id;
      this.cluster = cluster;
      this.pool = pool;
      this.zone = zone;
      this.launchAt = launchAt;
    }
  }

  private final Ids ids;
  private final List<Node> nodes = new ArrayList<>();

  AutoModeNodes(Ids ids) {
    this.ids = ids;
  }

  synchronized void launch(String cluster, List<String> pools, String zone, Instant at) {
    pools.forEach(pool -> nodes.add(new Node("i-" + ids.hex(17), cluster, pool, zone, at)));
  }

  /** The cluster's delete started: its nodes go within {@code drain}. */
  synchronized void drain(String cluster, Instant now, Duration drain) {
    nodes.stream()
        .filter(n -> n.cluster.equals(cluster) && n.goneAt == null)
        .forEach(n -> n.goneAt = now.plus(drain));
  }

  /** The nodes EC2 shows now that pass every filter; those terminated are forgotten. */
  synchronized List<Instance> ec2Instances(List<Filter> filters, Instant now) {
    nodes.removeIf(n -> n.goneAt != null && !now.isBefore(n.goneAt));
    List<Instance> found = new ArrayList<>();
    for (Node node : nodes) {
      if (now.isBefore(node.launchAt)) {
        continue;
      }
      String state = node.goneAt == null ? "running" : "shutting-down";
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put(CLUSTER_TAG, node.cluster);
      tags.put(NODE_POOL_TAG, node.pool);
      if (filters.stream().allMatch(f -> AutoScalingStore.matches(f, state, tags))) {
        found.add(
            Instance.builder()
                .instanceId(node.id)
                .state(s -> s.name(state))
                .placement(p -> p.availabilityZone(node.zone))
                .tags(
                    tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList())
                .build());
      }
    }
    return found;
  }
}
