package dev.ekskit.testkit.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupVersionRequest;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateType;

/**
 * Node group updates: scaling through UpdateNodegroupConfig and Kubernetes version or AMI release
 * through UpdateNodegroupVersion, one at a time, the node group UPDATING until the drawn end (the
 * cluster update durations), followed through DescribeUpdate. {@code Faults.failUpdate(cluster)}
 * also fails the next node group update of that cluster.
 */
final class NodegroupUpdates {
  private final EksContext context;
  private final NodegroupStore nodegroups;
  private final ClusterStore clusters;

  NodegroupUpdates(EksContext context, NodegroupStore nodegroups, ClusterStore clusters) {
    this.context = context;
    this.nodegroups = nodegroups;
    this.clusters = clusters;
  }

  Update updateConfig(UpdateNodegroupConfigRequest request) {
    NodegroupStore.State group = nodegroups.require(request.clusterName(), request.nodegroupName());
    Optional<Update> repeat = repeated(group, request.clientRequestToken());
    if (repeat.isPresent()) {
      return repeat.get();
    }
    if (request.labels() != null
        || request.taints() != null
        || request.updateConfig() != null
        || request.nodeRepairConfig() != null) {
      throw Errors.invalidRequest(
          "The simulated EKS updates only the scalingConfig of node groups");
    }
    NodegroupScalingConfig wanted = request.scalingConfig();
    if (wanted == null) {
      throw Errors.invalidParameter("No update parameters were provided");
    }
    NodegroupScalingConfig target =
        NodegroupScalingConfig.builder()
            .minSize(Objects.requireNonNullElse(wanted.minSize(), group.scaling.minSize()))
            .maxSize(Objects.requireNonNullElse(wanted.maxSize(), group.scaling.maxSize()))
            .desiredSize(
                Objects.requireNonNullElse(wanted.desiredSize(), group.scaling.desiredSize()))
            .build();
    NodegroupStore.requireValidScaling(target);
    requireIdle(group);
    return start(
        group,
        request.clientRequestToken(),
        UpdateType.CONFIG_UPDATE,
        Transition.CLUSTER_CONFIG_UPDATE,
        List.of(
            param(UpdateParamType.MIN_SIZE, target.minSize()),
            param(UpdateParamType.MAX_SIZE, target.maxSize()),
            param(UpdateParamType.DESIRED_SIZE, target.desiredSize())),
        () -> group.scaling = target);
  }

  Update updateVersion(UpdateNodegroupVersionRequest request) {
    NodegroupStore.State group = nodegroups.require(request.clusterName(), request.nodegroupName());
    Optional<Update> repeat = repeated(group, request.clientRequestToken());
    if (repeat.isPresent()) {
      return repeat.get();
    }
    String clusterVersion = clusters.requireActive(request.clusterName()).version;
    String version = Objects.requireNonNullElse(request.version(), clusterVersion);
    if (!version.equals(clusterVersion) && !version.equals(group.version)) {
      throw Errors.invalidParameter(
          "Requested Nodegroup version "
              + version
              + " is invalid. Nodegroup version must match the cluster version "
              + clusterVersion);
    }
    String release =
        Objects.requireNonNullElse(
            request.releaseVersion(), NodegroupStore.defaultRelease(version));
    if (version.equals(group.version) && release.equals(group.releaseVersion)) {
      throw Errors.invalidParameter(
          "Nodegroup is already at version " + version + " and release " + release);
    }
    requireIdle(group);
    return start(
        group,
        request.clientRequestToken(),
        UpdateType.VERSION_UPDATE,
        Transition.CLUSTER_VERSION_UPDATE,
        List.of(
            param(UpdateParamType.VERSION, version),
            param(UpdateParamType.RELEASE_VERSION, release)),
        () -> {
          group.version = version;
          group.releaseVersion = release;
        });
  }

  Update describe(DescribeUpdateRequest request) {
    NodegroupStore.State group = nodegroups.require(request.name(), request.nodegroupName());
    return group.updates.stream()
        .filter(update -> update.id.equals(request.updateId()))
        .findFirst()
        .orElseThrow(() -> Errors.notFound("No update found for ID: " + request.updateId()))
        .toUpdate(context.now());
  }

  private Optional<Update> repeated(NodegroupStore.State group, String token) {
    return group.updates.stream()
        .filter(update -> Names.sameRequest(update.clientRequestToken, token))
        .findFirst()
        .map(update -> update.toUpdate(context.now()));
  }

  private void requireIdle(NodegroupStore.State group) {
    String status = nodegroups.describe(group).statusAsString();
    if (!"ACTIVE".equals(status)) {
      throw Errors.inUse("Nodegroup " + group.name + " is " + status + "; wait until ACTIVE");
    }
  }

  private Update start(
      NodegroupStore.State group,
      String token,
      UpdateType type,
      Transition transition,
      List<UpdateParam> params,
      Runnable change) {
    List<ErrorDetail> errors =
        context.faults().takeUpdateFailure(group.clusterName).orElse(List.of());
    TrackedUpdate update =
        new TrackedUpdate(
            context.ids().uuid(),
            token,
            type,
            params,
            context.now(),
            context.now().plus(context.draw(transition)),
            errors,
            change);
    group.updates.add(update);
    return update.toUpdate(context.now());
  }

  private static UpdateParam param(UpdateParamType type, Object value) {
    return UpdateParam.builder().type(type).value(String.valueOf(value)).build();
  }
}
