package dev.ekskit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedAwsTest;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ClusterStatus;

/** A user's test: the testkit's extension injects the simulation, the kit and module facades. */
@SimulatedAwsTest
class ServiceTest {
  @Test
  void facades_injected_areTheKitsOwn(EksKit kit, Nodegroups nodegroups, FargateProfiles fargate) {
    assertEquals(List.of(kit.clusters(), nodegroups, fargate), Service.facades(kit));
  }

  @Test
  void activeCluster_onInjectedKit_createdOnceOnTheSimulation(SimulatedAws aws, EksKit kit) {
    ClusterInfo cluster = SimulatedKit.activeCluster(kit, "orders", aws.createVpcWithSubnets(2));

    assertEquals(ClusterStatus.ACTIVE, cluster.status());
    assertEquals(1, aws.calls().count("CreateCluster"));
  }
}
