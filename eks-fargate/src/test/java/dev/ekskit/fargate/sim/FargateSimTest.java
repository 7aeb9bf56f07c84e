package dev.ekskit.fargate.sim;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.sim.SimulatedKits;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.testkit.Call;
import dev.ekskit.testkit.SimulatedAws;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A simulated AWS with an ACTIVE cluster "orders", a kit on its virtual clock, and the Fargate
 * profiles of that kit; events and calls recorded from the first profile call on.
 */
abstract class FargateSimTest {
  static final String CLUSTER = "orders";
  protected SimulatedAws aws;
  protected EksKit kit;
  protected FargateProfiles fargate;
  protected List<String> subnets;
  protected final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    kit = SimulatedKits.kit(aws, events::add);
    SimulatedKits.activeCluster(kit, CLUSTER, subnets);
    fargate = FargateProfiles.of(kit);
    events.clear();
    aws.calls().clear();
  }

  @AfterEach
  void stopSimulation() {
    fargate.close();
    kit.close();
    aws.close();
  }

  protected FargateProfileSpec.Builder profile(String name, String namespace) {
    return FargateProfileSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .podExecutionRoleArn("arn:aws:iam::123456789012:role/orders-fargate-pods")
        .subnetIds(subnets)
        .addSelectors(FargateSelector.of(namespace));
  }

  protected List<Call> calls(String operation) {
    return aws.calls().all().stream().filter(c -> c.operation().equals(operation)).toList();
  }

  protected <E extends ProgressEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
