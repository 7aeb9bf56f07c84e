package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.ListUpdatesRequest;
import software.amazon.awssdk.services.eks.model.ListUpdatesResponse;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateClusterConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateClusterVersionRequest;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateType;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/**
 * Cluster updates: one kind of change per UpdateClusterConfig (logging, endpoint access, upgrade
 * policy, authentication mode one step forward), Kubernetes one minor version at a time, the
 * cluster UPDATING until the drawn end, and DescribeUpdate / ListUpdates to follow them.
 */
final class ClusterUpdates {
  private final EksContext context;
  private final ClusterStore clusters;

  ClusterUpdates(EksContext context, ClusterStore clusters) {
    this.context = context;
    this.clusters = clusters;
  }

  Update updateVersion(UpdateClusterVersionRequest request) {
    Optional<Update> repeat = repeated(request.name(), request.clientRequestToken());
    if (repeat.isPresent()) {
      return repeat.get();
    }
    ClusterState cluster = clusters.requireActive(request.name());
    KubernetesVersions.requireNextMinor(cluster.version, request.version(), context.now());
    return start(
        cluster,
        request.clientRequestToken(),
        UpdateType.VERSION_UPDATE,
        Transition.CLUSTER_VERSION_UPDATE,
        List.of(
            param(UpdateParamType.VERSION, request.version()),
            param(UpdateParamType.PLATFORM_VERSION, KubernetesVersions.INITIAL_PLATFORM_VERSION)),
        () -> {
          cluster.version = request.version();
          cluster.platformVersion = KubernetesVersions.INITIAL_PLATFORM_VERSION;
        });
  }

  Update updateConfig(UpdateClusterConfigRequest request) {
    Optional<Update> repeat = repeated(request.name(), request.clientRequestToken());
    if (repeat.isPresent()) {
      return repeat.get();
    }
    ClusterState cluster = clusters.requireActive(request.name());
    requireOneKindOfChange(request);
    if (request.logging() != null) {
      if (request.logging().equals(cluster.logging)) {
        throw Errors.invalidParameter("No changes needed for the logging config provided");
      }
      return start(
          cluster,
          request.clientRequestToken(),
          UpdateType.LOGGING_UPDATE,
          Transition.CLUSTER_CONFIG_UPDATE,
          List.of(param(UpdateParamType.CLUSTER_LOGGING, request.logging().toString())),
          () -> cluster.logging = request.logging());
    }
    if (request.accessConfig() != null) {
      AuthenticationMode target = request.accessConfig().authenticationMode();
      AuthenticationModes.requireNextStep(
          cluster.accessConfig.authenticationMode(), target, request.accessConfig());
      return start(
          cluster,
          request.clientRequestToken(),
          UpdateType.ACCESS_CONFIG_UPDATE,
          Transition.CLUSTER_CONFIG_UPDATE,
          List.of(param(UpdateParamType.AUTHENTICATION_MODE, target.toString())),
          () ->
              cluster.accessConfig =
                  cluster.accessConfig.toBuilder().authenticationMode(target).build());
    }
    if (request.upgradePolicy() != null) {
      var policy = ClusterStore.upgradePolicy(request.upgradePolicy());
      return start(
          cluster,
          request.clientRequestToken(),
          UpdateType.UPGRADE_POLICY_UPDATE,
          Transition.CLUSTER_CONFIG_UPDATE,
          List.of(param(UpdateParamType.UPGRADE_POLICY, policy.supportTypeAsString())),
          () -> cluster.upgradePolicy = policy);
    }
    VpcConfigResponse target =
        ClusterVpc.withEndpointChange(cluster.vpcConfig, request.resourcesVpcConfig());
    if (target.equals(cluster.vpcConfig)) {
      throw Errors.invalidParameter(
          "Cluster is already at the desired configuration with endpointPrivateAccess: "
              + target.endpointPrivateAccess()
              + " , endpointPublicAccess: "
              + target.endpointPublicAccess()
              + ", and Public Endpoint Restrictions: "
              + target.publicAccessCidrs());
    }
    return start(
        cluster,
        request.clientRequestToken(),
        UpdateType.ENDPOINT_ACCESS_UPDATE,
        Transition.CLUSTER_CONFIG_UPDATE,
        List.of(
            param(UpdateParamType.ENDPOINT_PUBLIC_ACCESS, target.endpointPublicAccess().toString()),
            param(
                UpdateParamType.ENDPOINT_PRIVATE_ACCESS, target.endpointPrivateAccess().toString()),
            param(UpdateParamType.PUBLIC_ACCESS_CIDRS, target.publicAccessCidrs().toString())),
        () -> cluster.vpcConfig = target);
  }

  Update describe(DescribeUpdateRequest request) {
    ClusterState cluster = clusters.require(request.name());
    if (request.nodegroupName() != null || request.addonName() != null) {
      throw Errors.notFound("No update found for ID: " + request.updateId());
    }
    return cluster.updates.stream()
        .filter(update -> update.id.equals(request.updateId()))
        .findFirst()
        .orElseThrow(() -> Errors.notFound("No update found for ID: " + request.updateId()))
        .toUpdate(context.now());
  }

  ListUpdatesResponse list(ListUpdatesRequest request) {
    ClusterState cluster = clusters.require(request.name());
    List<String> ids =
        request.nodegroupName() != null || request.addonName() != null
            ? List.of()
            : cluster.updates.stream().map(update -> update.id).toList();
    Page<String> page = Page.of(ids, request.maxResults(), request.nextToken());
    return ListUpdatesResponse.builder()
        .updateIds(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  /** A retry with the token of an earlier update answers with that update instead of a conflict. */
  private Optional<Update> repeated(String clusterName, String token) {
    return clusters.require(clusterName).updates.stream()
        .filter(update -> Names.sameRequest(update.clientRequestToken, token))
        .findFirst()
        .map(update -> update.toUpdate(context.now()));
  }

  private static void requireOneKindOfChange(UpdateClusterConfigRequest request) {
    List<String> kinds = new ArrayList<>();
    if (request.logging() != null) {
      kinds.add("logging");
    }
    if (request.resourcesVpcConfig() != null) {
      kinds.add("resourcesVpcConfig");
    }
    if (request.upgradePolicy() != null) {
      kinds.add("upgradePolicy");
    }
    if (request.accessConfig() != null) {
      kinds.add("accessConfig");
    }
    boolean unsimulated =
        request.computeConfig() != null
            || request.kubernetesNetworkConfig() != null
            || request.storageConfig() != null
            || request.zonalShiftConfig() != null
            || request.remoteNetworkConfig() != null
            || request.deletionProtection() != null
            || request.controlPlaneScalingConfig() != null;
    if (unsimulated) {
      throw Errors.invalidRequest(
          "The simulated EKS updates only logging, resourcesVpcConfig endpoint access,"
              + " upgradePolicy and accessConfig");
    }
    if (kinds.size() != 1) {
      throw Errors.invalidParameter(
          kinds.isEmpty()
              ? "No update parameters were provided"
              : "Only one type of update can be allowed; got " + kinds);
    }
  }

  private Update start(
      ClusterState cluster,
      String token,
      UpdateType type,
      Transition transition,
      List<UpdateParam> params,
      Runnable change) {
    List<ErrorDetail> errors = context.faults().takeUpdateFailure(cluster.name).orElse(List.of());
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
    cluster.updates.add(update);
    return update.toUpdate(context.now());
  }

  private static UpdateParam param(UpdateParamType type, String value) {
    return UpdateParam.builder().type(type).value(value).build();
  }
}
