package dev.ekskit.nodes.sim;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Node groups as parts of a blueprint on a fresh simulated AWS: a VPC with two subnets, a node
 * role, and a kit on the virtual clock. The blueprint's cluster names its role and subnets, and the
 * parts name theirs and the node role, unless a test has the blueprint make them.
 */
abstract class BlueprintSimulationTest {
  static final String CLUSTER = "orders";
  static final String MANAGED = "managed node group";
  static final String SELF_MANAGED = "self-managed node group";

  protected SimulatedAws aws;
  protected EksKit kit;
  protected List<String> subnets;
  protected String nodeRole;

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    nodeRole = aws.createRole("eks-node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy");
    aws.createRole("eks-cluster", "eks.amazonaws.com", "AmazonEKSClusterPolicy");
    kit = SimulatedKit.create(aws);
  }

  @AfterEach
  void stopSimulation() {
    kit.close();
    aws.close();
  }

  /** A blueprint of the cluster at {@code version} holding {@code parts}. */
  ClusterBlueprint blueprint(String version, BlueprintPart... parts) {
    return ClusterBlueprint.builder()
        .cluster(
            ClusterSpec.builder()
                .name(CLUSTER)
                .kubernetesVersion(version)
                .roleArn(SimulatedKit.CLUSTER_ROLE)
                .subnetIds(subnets)
                .build())
        .addParts(parts)
        .build();
  }

  ClusterBlueprint blueprint(BlueprintPart... parts) {
    return blueprint("1.33", parts);
  }

  NodegroupSpec.Builder managed(String name) {
    return NodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m5.large")
        .minSize(1)
        .desiredSize(2)
        .maxSize(4);
  }

  SelfManagedNodegroupSpec.Builder selfManaged(String name) {
    return SelfManagedNodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m5.large")
        .minSize(1)
        .desiredSize(2)
        .maxSize(4);
  }

  /** The plan's line of the part of that kind and name. */
  static PlannedChange line(Plan plan, String kind, String name) {
    return plan.find(kind, name)
        .orElseThrow(() -> new AssertionError(kind + " " + name + " in " + plan));
  }

  static PlanAction action(Plan plan, String kind, String name) {
    return line(plan, kind, name).action();
  }

  /** Mutating calls that took effect: succeeded, or committed and then answered with an error. */
  List<String> mutatingCalls() {
    return aws.calls().all().stream()
        .filter(Call::mutating)
        .filter(call -> call.succeeded() || call.statusCode() == 500)
        .map(Call::operation)
        .toList();
  }
}
