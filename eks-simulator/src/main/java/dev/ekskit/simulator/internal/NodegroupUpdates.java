package dev.ekskit.simulator.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.DescribeUpdateRequest;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.eks.model.ListUpdatesRequest;
import software.amazon.awssdk.services.eks.model.ListUpdatesResponse;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupVersionRequest;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateType;

/**
 * Node group updates: labels, taints, update config and scaling through UpdateNodegroupConfig (see
 * {@link NodegroupConfigChange}) and Kubernetes version, AMI release or launch template version
 * through UpdateNodegroupVersion, one at a time, the node group UPDATING until the drawn end (the
 * cluster update durations), followed through DescribeUpdate; DescribeNodegroup shows the new
 * values once the update succeeded. {@code Faults.failUpdate(cluster)} also fails the next node
 * group update of that cluster.
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
    NodegroupConfigChange change = NodegroupConfigChange.of(request, group);
    requireIdle(group);
    return start(
        group,
        request.clientRequestToken(),
        UpdateType.CONFIG_UPDATE,
        Transition.CLUSTER_CONFIG_UPDATE,
        change.params(),
        () -> change.apply(group));
  }

  Update updateVersion(UpdateNodegroupVersionRequest request) {
    NodegroupStore.State group = nodegroups.require(request.clusterName(), request.nodegroupName());
    Optional<Update> repeat = repeated(group, request.clientRequestToken());
    if (repeat.isPresent()) {
      return repeat.get();
    }
    String clusterVersion = clusters.requireActive(request.clusterName()).version;
    if (request.launchTemplate() != null) {
      return updateLaunchTemplate(group, request, clusterVersion);
    }
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

  /**
   * A new version of the node group's own launch template (a number, or {@code $Latest} / {@code
   * $Default} resolved now; the template's default when none is given), with the Kubernetes version
   * and release kept unless asked. A node group made without a launch template, or another
   * template, is an InvalidParameterException.
   */
  private Update updateLaunchTemplate(
      NodegroupStore.State group, UpdateNodegroupVersionRequest request, String clusterVersion) {
    LaunchTemplateSpecification current = group.launchTemplate;
    LaunchTemplateSpecification wanted = request.launchTemplate();
    if (current == null) {
      throw Errors.invalidParameter(
          "Nodegroup " + group.name + " was not created with a launch template");
    }
    boolean sameTemplate =
        wanted.id() != null
            ? wanted.id().equals(current.id())
            : Objects.equals(wanted.name(), current.name());
    if (!sameTemplate) {
      throw Errors.invalidParameter(
          "A node group keeps the launch template it was created with; update its version only");
    }
    LaunchTemplateStore.Resolved resolved;
    try {
      resolved = context.launchTemplates().resolve(wanted.id(), wanted.name(), wanted.version());
    } catch (AwsServiceException e) {
      throw Errors.invalidParameter(e.awsErrorDetails().errorMessage());
    }
    String templateVersion = String.valueOf(resolved.version());
    String version = Objects.requireNonNullElse(request.version(), group.version);
    if (!version.equals(clusterVersion) && !version.equals(group.version)) {
      throw Errors.invalidParameter(
          "Requested Nodegroup version "
              + version
              + " is invalid. Nodegroup version must match the cluster version "
              + clusterVersion);
    }
    String release = Objects.requireNonNullElse(request.releaseVersion(), group.releaseVersion);
    if (templateVersion.equals(current.version())
        && version.equals(group.version)
        && release.equals(group.releaseVersion)) {
      throw Errors.invalidParameter(
          "Nodegroup is already at launch template version " + templateVersion);
    }
    requireIdle(group);
    LaunchTemplateSpecification updated =
        LaunchTemplateSpecification.builder()
            .id(resolved.templateId())
            .name(resolved.templateName())
            .version(templateVersion)
            .build();
    return start(
        group,
        request.clientRequestToken(),
        UpdateType.VERSION_UPDATE,
        Transition.CLUSTER_VERSION_UPDATE,
        List.of(
            param(UpdateParamType.LAUNCH_TEMPLATE_NAME, resolved.templateName()),
            param(UpdateParamType.LAUNCH_TEMPLATE_VERSION, templateVersion)),
        () -> {
          group.launchTemplate = updated;
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

  /** The ids of the node group's updates, oldest first, as ListUpdates with a node group gives. */
  ListUpdatesResponse list(ListUpdatesRequest request) {
    clusters.require(request.name());
    NodegroupStore.State group = nodegroups.require(request.name(), request.nodegroupName());
    Page<String> page =
        Page.of(
            group.updates.stream().map(update -> update.id).toList(),
            request.maxResults(),
            request.nextToken());
    return ListUpdatesResponse.builder()
        .updateIds(page.items())
        .nextToken(page.nextToken())
        .build();
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
