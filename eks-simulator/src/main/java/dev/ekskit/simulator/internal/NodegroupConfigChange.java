package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupUpdateConfig;
import software.amazon.awssdk.services.eks.model.Taint;
import software.amazon.awssdk.services.eks.model.TaintEffect;
import software.amazon.awssdk.services.eks.model.UpdateLabelsPayload;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateTaintsPayload;

/**
 * What one UpdateNodegroupConfig asks of a node group, checked as EKS checks it before anything
 * changes (InvalidParameterException): Kubernetes labels to add or update and to remove, taints
 * likewise (a taint is its key and effect), the update config, the scaling config, any of them
 * together. It knows the values the node group has once the update succeeds and the params
 * DescribeUpdate lists.
 */
final class NodegroupConfigChange {
  static final int MAX_TAINTS = 50;
  private static final int MAX_LABEL_LENGTH = 63;

  private final List<UpdateParam> params = new ArrayList<>();
  private final Map<String, String> labels;
  private final List<Taint> taints;
  private final NodegroupUpdateConfig updateConfig;
  private final NodegroupScalingConfig scaling;

  private NodegroupConfigChange(UpdateNodegroupConfigRequest request, NodegroupStore.State group) {
    this.labels = labels(request.labels(), group.labels);
    this.taints = taints(request.taints(), group.taints);
    this.updateConfig = updateConfig(request.updateConfig(), group.updateConfig);
    this.scaling = scaling(request.scalingConfig(), group.scaling);
  }

  /** The change {@code request} asks of {@code group}, or the error EKS answers. */
  static NodegroupConfigChange of(
      UpdateNodegroupConfigRequest request, NodegroupStore.State group) {
    if (request.nodeRepairConfig() != null || request.warmPoolConfig() != null) {
      throw Errors.invalidRequest(
          "The simulated EKS does not update the nodeRepairConfig or warmPoolConfig of node"
              + " groups");
    }
    NodegroupConfigChange change = new NodegroupConfigChange(request, group);
    if (change.params.isEmpty()) {
      throw Errors.invalidParameter("No update parameters were provided");
    }
    return change;
  }

  List<UpdateParam> params() {
    return List.copyOf(params);
  }

  /** Gives the node group the values this change leaves it with, once its update succeeded. */
  void apply(NodegroupStore.State group) {
    group.labels = labels;
    group.taints = taints;
    group.updateConfig = updateConfig;
    group.scaling = scaling;
  }

  private Map<String, String> labels(UpdateLabelsPayload payload, Map<String, String> current) {
    if (payload == null || !payload.hasAddOrUpdateLabels() && !payload.hasRemoveLabels()) {
      return current;
    }
    Set<String> both = new HashSet<>(payload.addOrUpdateLabels().keySet());
    both.retainAll(payload.removeLabels());
    if (!both.isEmpty()) {
      throw Errors.invalidParameter(
          "Labels can not be added and removed at the same time; keys in both: " + both);
    }
    payload.addOrUpdateLabels().forEach(NodegroupConfigChange::requireLabel);
    Map<String, String> changed = new TreeMap<>(current);
    changed.putAll(payload.addOrUpdateLabels());
    payload.removeLabels().forEach(changed::remove);
    if (payload.hasAddOrUpdateLabels()) {
      params.add(param(UpdateParamType.LABELS_TO_ADD, json(payload.addOrUpdateLabels())));
    }
    if (payload.hasRemoveLabels()) {
      params.add(param(UpdateParamType.LABELS_TO_REMOVE, json(payload.removeLabels())));
    }
    return changed;
  }

  private List<Taint> taints(UpdateTaintsPayload payload, List<Taint> current) {
    if (payload == null || !payload.hasAddOrUpdateTaints() && !payload.hasRemoveTaints()) {
      return current;
    }
    payload.addOrUpdateTaints().forEach(NodegroupConfigChange::requireTaint);
    payload.removeTaints().forEach(NodegroupConfigChange::requireTaint);
    Set<String> added =
        payload.addOrUpdateTaints().stream()
            .map(NodegroupConfigChange::identity)
            .collect(Collectors.toSet());
    Set<String> both =
        payload.removeTaints().stream()
            .map(NodegroupConfigChange::identity)
            .filter(added::contains)
            .collect(Collectors.toSet());
    if (!both.isEmpty()) {
      throw Errors.invalidParameter(
          "Taints can not be added and removed at the same time; taints in both: " + both);
    }
    Set<String> replaced = new HashSet<>(added);
    payload.removeTaints().forEach(t -> replaced.add(identity(t)));
    List<Taint> changed = new ArrayList<>();
    current.stream().filter(t -> !replaced.contains(identity(t))).forEach(changed::add);
    changed.addAll(payload.addOrUpdateTaints());
    if (changed.size() > MAX_TAINTS) {
      throw Errors.invalidParameter(
          "A node group can have at most "
              + MAX_TAINTS
              + " taints; this update leaves "
              + changed.size());
    }
    if (payload.hasAddOrUpdateTaints()) {
      params.add(param(UpdateParamType.TAINTS_TO_ADD, taintsJson(payload.addOrUpdateTaints())));
    }
    if (payload.hasRemoveTaints()) {
      params.add(param(UpdateParamType.TAINTS_TO_REMOVE, taintsJson(payload.removeTaints())));
    }
    return List.copyOf(changed);
  }

  private NodegroupUpdateConfig updateConfig(
      NodegroupUpdateConfig wanted, NodegroupUpdateConfig current) {
    if (wanted == null) {
      return current;
    }
    Integer count = wanted.maxUnavailable();
    Integer percentage = wanted.maxUnavailablePercentage();
    if (count != null && percentage != null) {
      throw Errors.invalidParameter(
          "Only one of maxUnavailable and maxUnavailablePercentage can be set");
    }
    if (count == null && percentage == null && wanted.updateStrategy() == null) {
      throw Errors.invalidParameter(
          "updateConfig needs maxUnavailable or maxUnavailablePercentage");
    }
    requireRange("maxUnavailable", count);
    requireRange("maxUnavailablePercentage", percentage);
    NodegroupUpdateConfig.Builder changed = current.toBuilder();
    if (count != null || percentage != null) {
      changed.maxUnavailable(count).maxUnavailablePercentage(percentage);
      params.add(
          count != null
              ? param(UpdateParamType.MAX_UNAVAILABLE, String.valueOf(count))
              : param(UpdateParamType.MAX_UNAVAILABLE_PERCENTAGE, String.valueOf(percentage)));
    }
    if (wanted.updateStrategy() != null) {
      changed.updateStrategy(wanted.updateStrategyAsString());
      params.add(param(UpdateParamType.UPDATE_STRATEGY, wanted.updateStrategyAsString()));
    }
    return changed.build();
  }

  private NodegroupScalingConfig scaling(
      NodegroupScalingConfig wanted, NodegroupScalingConfig current) {
    if (wanted == null) {
      return current;
    }
    if (wanted.minSize() == null && wanted.maxSize() == null && wanted.desiredSize() == null) {
      throw Errors.invalidParameter(
          "Either all or at least one of minSize, maxSize, desiredSize must be provided");
    }
    NodegroupScalingConfig target =
        NodegroupScalingConfig.builder()
            .minSize(Objects.requireNonNullElse(wanted.minSize(), current.minSize()))
            .maxSize(Objects.requireNonNullElse(wanted.maxSize(), current.maxSize()))
            .desiredSize(Objects.requireNonNullElse(wanted.desiredSize(), current.desiredSize()))
            .build();
    NodegroupStore.requireValidScaling(target);
    params.add(param(UpdateParamType.MIN_SIZE, String.valueOf(target.minSize())));
    params.add(param(UpdateParamType.MAX_SIZE, String.valueOf(target.maxSize())));
    params.add(param(UpdateParamType.DESIRED_SIZE, String.valueOf(target.desiredSize())));
    return target;
  }

  private static void requireLabel(String key, String value) {
    if (key == null
        || key.isEmpty()
        || key.length() > MAX_LABEL_LENGTH
        || value == null
        || value.isEmpty()
        || value.length() > MAX_LABEL_LENGTH) {
      throw Errors.invalidParameter(
          "Label keys and values must be 1 to " + MAX_LABEL_LENGTH + " characters: " + key);
    }
  }

  /** Every taint names a key and one of EKS's effects. */
  static void requireTaint(Taint taint) {
    if (taint.key() == null
        || taint.key().isEmpty()
        || taint.key().length() > MAX_LABEL_LENGTH
        || taint.value() != null && taint.value().length() > MAX_LABEL_LENGTH) {
      throw Errors.invalidParameter(
          "Taint keys must be 1 to "
              + MAX_LABEL_LENGTH
              + " characters and values at most "
              + MAX_LABEL_LENGTH
              + ": "
              + taint.key());
    }
    if (taint.effect() == null || taint.effect() == TaintEffect.UNKNOWN_TO_SDK_VERSION) {
      throw Errors.invalidParameter(
          "Invalid taint effect: "
              + taint.effectAsString()
              + ", must be one of these "
              + Arrays.toString(TaintEffect.knownValues().toArray()));
    }
  }

  private static void requireRange(String field, Integer value) {
    if (value != null && (value < 1 || value > 100)) {
      throw Errors.invalidParameter(field + " must be between 1 and 100: " + value);
    }
  }

  /** Kubernetes tells taints apart by key and effect. */
  private static String identity(Taint taint) {
    return taint.key() + ":" + taint.effectAsString();
  }

  private static UpdateParam param(UpdateParamType type, String value) {
    return UpdateParam.builder().type(type).value(value).build();
  }

  private static String json(Map<String, String> labels) {
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String json(List<String> keys) {
    return keys.stream()
        .map(NodegroupConfigChange::quote)
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String taintsJson(List<Taint> taints) {
    return taints.stream()
        .map(
            t ->
                "{\"effect\":"
                    + quote(t.effectAsString())
                    + ",\"key\":"
                    + quote(t.key())
                    + (t.value() == null ? "" : ",\"value\":" + quote(t.value()))
                    + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
