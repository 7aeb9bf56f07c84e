package dev.ekskit.simulator.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.Issue;

/** Node groups a test asked to end badly: CREATE_FAILED, or DEGRADED instead of ACTIVE. */
public final class NodegroupFaults {
  /** How a node group ends its create, and the health issues it then reports. */
  record Outcome(boolean degraded, List<Issue> issues) {}

  private final Map<String, Outcome> byNodegroup = new HashMap<>();

  public synchronized void failCreate(String cluster, String nodegroup, List<Issue> issues) {
    byNodegroup.put(cluster + "/" + nodegroup, new Outcome(false, List.copyOf(issues)));
  }

  public synchronized void degrade(String cluster, String nodegroup, List<Issue> issues) {
    byNodegroup.put(cluster + "/" + nodegroup, new Outcome(true, List.copyOf(issues)));
  }

  synchronized Optional<Outcome> take(String cluster, String nodegroup) {
    return Optional.ofNullable(byNodegroup.remove(cluster + "/" + nodegroup));
  }

  synchronized void clear() {
    byNodegroup.clear();
  }
}
