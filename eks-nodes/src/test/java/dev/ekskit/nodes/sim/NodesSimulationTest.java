package dev.ekskit.nodes.sim;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh simulated AWS with an ACTIVE cluster "orders" (1.33) and a kit on its virtual clock for
 * every test, with events recorded and the setup's calls forgotten.
 */
abstract class NodesSimulationTest {
  static final String CLUSTER = "orders";
  static final String NODE_ROLE = "arn:aws:iam::123456789012:role/eks-node";

  protected SimulatedAws aws;
  protected EksKit kit;
  protected Nodegroups nodegroups;
  protected List<String> subnets;
  protected final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    kit = SimulatedKit.builder(aws).addListener(events::add).build();
    SimulatedKit.activeCluster(kit, CLUSTER, subnets);
    nodegroups = Nodegroups.of(kit);
    aws.calls().clear();
    events.clear();
  }

  @AfterEach
  void stopSimulation() {
    kit.close();
    aws.close();
  }

  protected NodegroupSpec.Builder spec(String name) {
    return NodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(NODE_ROLE)
        .subnetIds(subnets);
  }
}
