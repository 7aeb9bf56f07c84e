package dev.ekskit.core.sim;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.ec2.model.Tag;

/** An empty simulated account (no VPC of its own) and a kit on it, for the network tests. */
abstract class NetworkSimulation {
  protected SimulatedAws aws;
  protected EksKit kit;
  protected final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startSimulation() {
    aws = SimulatedAws.create();
    kit = SimulatedKit.builder(aws).addListener(events::add).build();
  }

  @AfterEach
  void stopSimulation() {
    kit.close();
    aws.close();
  }

  protected static NetworkSpec.Builder spec() {
    return NetworkSpec.builder().name("orders");
  }

  /** Calls that took effect and change state: succeeded, or committed and then answered 500. */
  protected List<String> mutatingCalls() {
    return aws.calls().all().stream()
        .filter(Call::mutating)
        .filter(call -> call.succeeded() || call.statusCode() == 500)
        .map(Call::operation)
        .toList();
  }

  protected static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }
}
