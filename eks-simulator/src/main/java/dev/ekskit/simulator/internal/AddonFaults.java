package dev.ekskit.simulator.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.AddonIssue;

/** Add-ons a test asked to end badly: CREATE_FAILED, or DEGRADED whatever capacity there is. */
public final class AddonFaults {
  /** How an add-on ends its create, and the health issues it then reports. */
  record Outcome(boolean degraded, List<AddonIssue> issues) {}

  private final Map<String, Outcome> byAddon = new HashMap<>();

  public synchronized void failCreate(String cluster, String addon, List<AddonIssue> issues) {
    byAddon.put(cluster + "/" + addon, new Outcome(false, List.copyOf(issues)));
  }

  public synchronized void degrade(String cluster, String addon, List<AddonIssue> issues) {
    byAddon.put(cluster + "/" + addon, new Outcome(true, List.copyOf(issues)));
  }

  synchronized Optional<Outcome> take(String cluster, String addon) {
    return Optional.ofNullable(byAddon.remove(cluster + "/" + addon));
  }

  synchronized void clear() {
    byAddon.clear();
  }
}
