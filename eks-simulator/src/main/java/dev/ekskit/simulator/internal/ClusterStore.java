package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.internal.Lifecycle.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.eks.model.AccessConfigResponse;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterIssue;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.CreateAccessConfigRequest;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.IpFamily;
import software.amazon.awssdk.services.eks.model.KubernetesNetworkConfigRequest;
import software.amazon.awssdk.services.eks.model.KubernetesNetworkConfigResponse;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.Logging;
import software.amazon.awssdk.services.eks.model.SupportType;
import software.amazon.awssdk.services.eks.model.UpgradePolicyRequest;
import software.amazon.awssdk.services.eks.model.UpgradePolicyResponse;

/**
 * Clusters: create (idempotent by token, or made to fail), describe, list, delete, and their lazy
 * lifecycle.
 */
final class ClusterStore {
  private static final int MAX_NAME_LENGTH = 100;
  private static final String DEFAULT_SERVICE_CIDR = "10.100.0.0/16";
  private static final Logging LOGGING_OFF =
      Logging.builder()
          .clusterLogging(
              LogSetup.builder()
                  .types(
                      LogType.API,
                      LogType.AUDIT,
                      LogType.AUTHENTICATOR,
                      LogType.CONTROLLER_MANAGER,
                      LogType.SCHEDULER)
                  .enabled(false)
                  .build())
          .build();

  private final EksContext context;
  private final Consumer<String> onGone;
  private final Map<String, ClusterState> byName = new TreeMap<>();

  /**
   * @param onGone told the name of each cluster whose deletion finished
   */
  ClusterStore(EksContext context, Consumer<String> onGone) {
    this.context = context;
    this.onGone = onGone;
  }

  Cluster create(CreateClusterRequest request) {
    Names.requireValid("cluster", request.name(), MAX_NAME_LENGTH);
    ClusterState existing = byName.get(request.name());
    if (existing != null) {
      if (Names.sameRequest(existing.clientRequestToken, request.clientRequestToken())) {
        return describe(existing);
      }
      throw Errors.inUse("Cluster already exists with name: " + request.name());
    }
    Names.requirePresent("roleArn", request.roleArn());
    String version =
        request.version() == null
            ? KubernetesVersions.DEFAULT
            : KubernetesVersions.requireSupported(request.version(), context.now());
    var vpcConfig = ClusterVpc.resolve(request.resourcesVpcConfig(), context);
    AccessConfigResponse access = accessConfig(request.accessConfig());
    AutoModeSettings autoMode = AutoModeSettings.of(request, access.authenticationMode());
    List<ClusterIssue> issues =
        context.faults().takeClusterCreateFailure(request.name()).orElse(List.of());
    Duration creating = context.draw(Transition.CLUSTER_CREATE);
    Lifecycle lifecycle = new Lifecycle(context.now(), creating, !issues.isEmpty());
    ClusterState cluster =
        new ClusterState(
            request.name(),
            context.arn("cluster/" + request.name()),
            request.clientRequestToken(),
            lifecycle,
            context.ids().uuid(),
            request.roleArn(),
            ClusterState.endpointHost(context.ids()),
            issues,
            access,
            networkConfig(request.kubernetesNetworkConfig()));
    cluster.version = version;
    cluster.vpcConfig = vpcConfig;
    cluster.logging = request.logging() == null ? LOGGING_OFF : request.logging();
    cluster.upgradePolicy = upgradePolicy(request.upgradePolicy());
    cluster.autoMode = autoMode;
    if (autoMode.hasNodePools() && issues.isEmpty()) {
      context
          .autoModeNodes()
          .launch(
              cluster.name,
              autoMode.nodePools(),
              context.region() + "a",
              context.now().plus(creating));
    }
    byName.put(cluster.name, cluster);
    context.tags().register(cluster.arn, request.tags());
    List<String> groups = new ArrayList<>(vpcConfig.securityGroupIds());
    groups.add(0, vpcConfig.clusterSecurityGroupId());
    context.network().attachControlPlane(cluster.name, vpcConfig.subnetIds(), groups);
    return describe(cluster);
  }

  Cluster describe(String name) {
    return describe(require(name));
  }

  ListClustersResponse list(ListClustersRequest request) {
    Page<String> page =
        Page.of(new ArrayList<>(byName.keySet()), request.maxResults(), request.nextToken());
    return ListClustersResponse.builder()
        .clusters(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  Cluster startDelete(String name) {
    ClusterState cluster = require(name);
    if (cluster.status(context.now()) == ClusterStatus.UPDATING) {
      throw Errors.inUse("Cluster " + name + " is currently being updated and cannot be deleted");
    }
    if (cluster.lifecycle.phase(context.now()) != Phase.DELETING) {
      java.time.Duration deleting = context.draw(Transition.CLUSTER_DELETE);
      context
          .agenda()
          .at(cluster.lifecycle.startDelete(context.now(), deleting), () -> forget(cluster));
      context.network().releaseControlPlane(name, context.now().plus(deleting));
      if (cluster.autoMode.hasNodePools()) {
        context
            .autoModeNodes()
            .drain(name, context.now(), context.draw(Transition.AUTO_MODE_NODES_DRAIN));
      }
    }
    return describe(cluster);
  }

  private void forget(ClusterState cluster) {
    byName.remove(cluster.name);
    context.tags().unregister(cluster.arn);
    onGone.accept(cluster.name);
  }

  /** The cluster, its finished updates applied. */
  ClusterState require(String name) {
    ClusterState cluster = byName.get(name);
    if (cluster == null) {
      throw Errors.notFound("No cluster found for name: " + name + ".");
    }
    cluster.settle(context.now());
    return cluster;
  }

  /** The cluster, which must be ACTIVE, e.g. to add a node group or start an update. */
  ClusterState requireActive(String name) {
    ClusterState cluster = require(name);
    ClusterStatus status = cluster.status(context.now());
    if (status != ClusterStatus.ACTIVE) {
      throw Errors.inUse(
          "Cluster " + name + " is currently in " + status + " status; it must be ACTIVE");
    }
    return cluster;
  }

  private Cluster describe(ClusterState cluster) {
    cluster.settle(context.now());
    return cluster.toCluster(context.now(), context.tags().of(cluster.arn), context.region());
  }

  private static AccessConfigResponse accessConfig(CreateAccessConfigRequest request) {
    boolean bootstrapAdmin =
        request == null || !Boolean.FALSE.equals(request.bootstrapClusterCreatorAdminPermissions());
    AuthenticationMode mode =
        request == null || request.authenticationMode() == null
            ? AuthenticationMode.CONFIG_MAP
            : request.authenticationMode();
    return AccessConfigResponse.builder()
        .authenticationMode(mode)
        .bootstrapClusterCreatorAdminPermissions(bootstrapAdmin)
        .build();
  }

  private static KubernetesNetworkConfigResponse networkConfig(
      KubernetesNetworkConfigRequest request) {
    String cidr = request == null ? null : request.serviceIpv4Cidr();
    IpFamily family =
        request == null || request.ipFamily() == null ? IpFamily.IPV4 : request.ipFamily();
    return KubernetesNetworkConfigResponse.builder()
        .ipFamily(family)
        .serviceIpv4Cidr(
            family == IpFamily.IPV4 ? Objects.requireNonNullElse(cidr, DEFAULT_SERVICE_CIDR) : null)
        .serviceIpv6Cidr(family == IpFamily.IPV6 ? "fd00:ec2::/108" : null)
        .build();
  }

  static UpgradePolicyResponse upgradePolicy(UpgradePolicyRequest request) {
    SupportType support =
        request == null || request.supportType() == null
            ? SupportType.EXTENDED
            : request.supportType();
    return UpgradePolicyResponse.builder().supportType(support).build();
  }
}
