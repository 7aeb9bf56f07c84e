package dev.ekskit.nodes.internal;

import dev.ekskit.nodes.NodeTaint;
import java.util.List;
import software.amazon.awssdk.services.eks.model.Taint;
import software.amazon.awssdk.services.eks.model.TaintEffect;

/**
 * {@link NodeTaint} as the EKS API writes it: effect {@code NO_SCHEDULE} for {@code NoSchedule}.
 */
final class TaintMapping {
  private TaintMapping() {}

  static List<Taint> sdk(List<NodeTaint> taints) {
    return taints.stream().map(TaintMapping::sdk).toList();
  }

  static Taint sdk(NodeTaint taint) {
    return Taint.builder()
        .key(taint.key())
        .value(taint.value().orElse(null))
        .effect(TaintEffect.fromValue(taint.effect().name()))
        .build();
  }
}
