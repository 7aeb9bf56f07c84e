package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.AMITypes;
import software.amazon.awssdk.services.eks.model.AutoScalingGroup;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupHealth;
import software.amazon.awssdk.services.eks.model.NodegroupResources;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.NodegroupUpdateConfig;
import software.amazon.awssdk.services.eks.model.Taint;

/** Managed node groups: CREATING for a drawn 3–6 minutes, then ACTIVE; DELETING, then gone. */
final class NodegroupStore extends ChildStore<NodegroupStore.State> {
  private static final int MAX_NAME_LENGTH = 63;
  private static final NodegroupScalingConfig DEFAULT_SCALING =
      NodegroupScalingConfig.builder().minSize(1).maxSize(2).desiredSize(2).build();

  /** EKS replaces one node at a time unless told otherwise. */
  private static final NodegroupUpdateConfig DEFAULT_UPDATE =
      NodegroupUpdateConfig.builder().maxUnavailable(1).build();

  static final class State extends ChildResource {
    final CreateNodegroupRequest request;
    final String autoScalingGroupName;
    final NodegroupFaults.Outcome outcome;
    final List<TrackedUpdate> updates = new ArrayList<>();
    String version;
    String releaseVersion;
    NodegroupScalingConfig scaling;
    Map<String, String> labels;
    List<Taint> taints;
    NodegroupUpdateConfig updateConfig;
    LaunchTemplateSpecification launchTemplate;

    State(
        CreateNodegroupRequest request,
        String arn,
        Lifecycle lifecycle,
        String version,
        String asgName,
        NodegroupFaults.Outcome outcome) {
      super(
          request.clusterName(),
          request.nodegroupName(),
          arn,
          request.clientRequestToken(),
          lifecycle);
      this.request = request;
      this.version = version;
      this.releaseVersion =
          Objects.requireNonNullElse(request.releaseVersion(), defaultRelease(version));
      this.scaling = Objects.requireNonNullElse(request.scalingConfig(), DEFAULT_SCALING);
      this.labels = new TreeMap<>(request.labels());
      this.taints = List.copyOf(request.taints());
      this.updateConfig = Objects.requireNonNullElse(request.updateConfig(), DEFAULT_UPDATE);
      this.launchTemplate = request.launchTemplate();
      this.autoScalingGroupName = asgName;
      this.outcome = outcome;
    }
  }

  NodegroupStore(EksContext context) {
    super(context, Transition.NODEGROUP_DELETE);
  }

  Nodegroup create(CreateNodegroupRequest request, ClusterStore clusters) {
    Names.requireValid("nodegroup", request.nodegroupName(), MAX_NAME_LENGTH);
    String clusterName = request.clusterName();
    State state =
        createOrRepeat(
            clusterName,
            request.nodegroupName(),
            request.clientRequestToken(),
            () -> {
              ClusterState cluster = clusters.requireActive(clusterName);
              Names.requirePresent("nodeRole", request.nodeRole());
              if (request.subnets().isEmpty()) {
                throw Errors.invalidParameter("subnets is required");
              }
              ClusterVpc.subnets(request.subnets(), context.network());
              requireValidScaling(request.scalingConfig());
              request.taints().forEach(NodegroupConfigChange::requireTaint);
              if (request.taints().size() > NodegroupConfigChange.MAX_TAINTS) {
                throw Errors.invalidParameter(
                    "A node group can have at most "
                        + NodegroupConfigChange.MAX_TAINTS
                        + " taints");
              }
              String id = context.ids().uuid();
              NodegroupFaults.Outcome outcome =
                  context
                      .faults()
                      .nodegroups()
                      .take(clusterName, request.nodegroupName())
                      .orElse(new NodegroupFaults.Outcome(false, List.of()));
              State created =
                  new State(
                      request,
                      context.arn(
                          "nodegroup/" + clusterName + "/" + request.nodegroupName() + "/" + id),
                      new Lifecycle(
                          context.now(),
                          context.draw(Transition.NODEGROUP_CREATE),
                          !outcome.issues().isEmpty()),
                      Objects.requireNonNullElse(request.version(), cluster.version),
                      "eks-" + request.nodegroupName() + "-" + id,
                      outcome);
              context.tags().register(created.arn, request.tags());
              return created;
            });
    return describe(state);
  }

  Nodegroup describe(String clusterName, String name) {
    return describe(require(clusterName, name));
  }

  Nodegroup delete(String clusterName, String name) {
    return describe(startDelete(clusterName, name));
  }

  @Override
  AwsServiceException notFound(String clusterName, String name) {
    return Errors.notFound("No node group found for name: " + name + ".");
  }

  @Override
  AwsServiceException alreadyExists(State existing) {
    return Errors.inUse(
        "NodeGroup already exists with name "
            + existing.name
            + " and cluster name "
            + existing.clusterName);
  }

  /** The release the simulation reports for a version when none was asked for. */
  static String defaultRelease(String version) {
    return version + ".0-20260101";
  }

  Nodegroup describe(State state) {
    Instant now = context.now();
    state.updates.forEach(update -> update.settle(now));
    CreateNodegroupRequest request = state.request;
    NodegroupStatus status =
        switch (state.lifecycle.phase(now)) {
          case CREATING -> NodegroupStatus.CREATING;
          case ACTIVE ->
              state.updates.stream().anyMatch(update -> update.inProgress(now))
                  ? NodegroupStatus.UPDATING
                  : NodegroupStatus.ACTIVE;
          case FAILED ->
              state.outcome.degraded() ? NodegroupStatus.DEGRADED : NodegroupStatus.CREATE_FAILED;
          case DELETING, GONE -> NodegroupStatus.DELETING;
        };
    return Nodegroup.builder()
        .nodegroupName(state.name)
        .nodegroupArn(state.arn)
        .clusterName(state.clusterName)
        .version(state.version)
        .releaseVersion(state.releaseVersion)
        .createdAt(state.lifecycle.createdAt())
        .modifiedAt(state.lifecycle.createdAt())
        .status(status)
        .capacityType(Objects.requireNonNullElse(request.capacityType(), CapacityTypes.ON_DEMAND))
        .scalingConfig(state.scaling)
        .instanceTypes(
            request.instanceTypes().isEmpty() ? List.of("t3.medium") : request.instanceTypes())
        .subnets(request.subnets())
        .remoteAccess(request.remoteAccess())
        .amiType(Objects.requireNonNullElse(request.amiType(), AMITypes.AL2023_X86_64_STANDARD))
        .nodeRole(request.nodeRole())
        .labels(state.labels)
        .taints(state.taints)
        .diskSize(
            request.launchTemplate() == null
                ? Objects.requireNonNullElse(request.diskSize(), 20)
                : null)
        .launchTemplate(state.launchTemplate)
        .updateConfig(state.updateConfig)
        .resources(
            NodegroupResources.builder()
                .autoScalingGroups(
                    AutoScalingGroup.builder().name(state.autoScalingGroupName).build())
                .build())
        .health(
            NodegroupHealth.builder()
                .issues(
                    status == NodegroupStatus.CREATE_FAILED || status == NodegroupStatus.DEGRADED
                        ? state.outcome.issues()
                        : List.of())
                .build())
        .tags(context.tags().of(state.arn))
        .build();
  }

  static void requireValidScaling(NodegroupScalingConfig scaling) {
    if (scaling == null) {
      return;
    }
    int min = Objects.requireNonNullElse(scaling.minSize(), 1);
    int max = Objects.requireNonNullElse(scaling.maxSize(), 2);
    int desired = Objects.requireNonNullElse(scaling.desiredSize(), min);
    if (max < 1 || min < 0 || min > max || desired < min || desired > max) {
      throw Errors.invalidParameter(
          "Invalid scalingConfig: need 0 <= minSize <= desiredSize <= maxSize and"
              + " maxSize >= 1; got "
              + Map.of("minSize", min, "desiredSize", desired, "maxSize", max));
    }
  }
}
