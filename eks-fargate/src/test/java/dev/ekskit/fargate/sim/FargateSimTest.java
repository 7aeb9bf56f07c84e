package dev.ekskit.fargate.sim;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

  /** What a test does on each event, on the thread that published it. */
  protected volatile ProgressListener onEvent = event -> {};

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    kit =
        SimulatedKit.builder(aws)
            .addListener(
                event -> {
                  events.add(event);
                  onEvent.onEvent(event);
                })
            .build();
    SimulatedKit.activeCluster(kit, CLUSTER, subnets);
    fargate = FargateProfiles.of(kit);
    events.clear();
    aws.calls().clear();
  }

  @AfterEach
  void stopSimulation() {
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

  /** Returns once virtual time has moved on by {@code duration}, all work due meanwhile done. */
  protected void letTimePass(Duration duration) {
    try {
      aws.time().scheduler().schedule(() -> {}, duration.toMillis(), TimeUnit.MILLISECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  protected List<Call> calls(String operation) {
    return aws.calls().all().stream().filter(c -> c.operation().equals(operation)).toList();
  }

  protected <E extends ProgressEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
