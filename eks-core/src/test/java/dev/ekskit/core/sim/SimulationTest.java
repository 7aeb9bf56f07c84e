package dev.ekskit.core.sim;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulated AWS and a kit on its virtual clock for every test, with events recorded. */
abstract class SimulationTest {
  protected SimulatedAws aws;
  protected EksKit kit;
  protected List<String> subnets;
  protected final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    kit = kitOn(aws);
  }

  @AfterEach
  void stopSimulation() {
    kit.close();
    aws.close();
  }

  protected EksKit kitOn(SimulatedAws simulated) {
    return kitOn(simulated, builder -> builder);
  }

  protected EksKit kitOn(SimulatedAws simulated, UnaryOperator<EksKit.Builder> tuning) {
    return tuning.apply(SimulatedKit.builder(simulated).addListener(events::add)).build();
  }

  protected ClusterSpec.Builder spec(String name) {
    return ClusterSpec.builder()
        .name(name)
        .kubernetesVersion("1.33")
        .roleArn(SimulatedKit.CLUSTER_ROLE)
        .subnetIds(subnets);
  }

  /** A second subnet in the zone of {@code subnetId}, in its VPC. */
  protected String subnetInSameZone(String subnetId, String cidr) {
    var existing = aws.ec2().describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0);
    return aws.ec2()
        .createSubnet(
            r ->
                r.vpcId(existing.vpcId())
                    .cidrBlock(cidr)
                    .availabilityZone(existing.availabilityZone()))
        .subnet()
        .subnetId();
  }

  protected <E extends ProgressEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
