package dev.ekskit.bench;

import dev.ekskit.core.WaitKind;
import dev.ekskit.fargate.FargateWaitKinds;
import dev.ekskit.nodes.NodeWaitKinds;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * One row of the comparison: a transition started at once on N resources, and how each approach
 * sees it end. The update rows wait for the cluster to be ACTIVE again, as the SDK's waiter does.
 */
enum WaitCase {
  CLUSTER_CREATE("cluster create", Subject.CLUSTER, Action.CREATE, WaitKind.CLUSTER_CREATE, true),
  CLUSTER_DELETE("cluster delete", Subject.CLUSTER, Action.DELETE, WaitKind.CLUSTER_DELETE, true),
  VERSION_UPDATE(
      "version update", Subject.CLUSTER, Action.VERSION, WaitKind.CLUSTER_VERSION_UPDATE, true),
  CONFIG_UPDATE(
      "config update", Subject.CLUSTER, Action.CONFIG, WaitKind.CLUSTER_CONFIG_UPDATE, true),
  NODEGROUP_CREATE(
      "node group create", Subject.NODEGROUP, Action.CREATE, NodeWaitKinds.NODEGROUP_CREATE, true),
  NODEGROUP_DELETE(
      "node group delete", Subject.NODEGROUP, Action.DELETE, WaitKind.NODEGROUP_DELETE, true),
  FARGATE_CREATE(
      "Fargate create",
      Subject.FARGATE_PROFILE,
      Action.CREATE,
      FargateWaitKinds.FARGATE_PROFILE_CREATE,
      false),
  FARGATE_DELETE(
      "Fargate delete",
      Subject.FARGATE_PROFILE,
      Action.DELETE,
      WaitKind.FARGATE_PROFILE_DELETE,
      false),
  ADDON_CREATE("add-on create", Subject.ADDON, Action.CREATE, WaitKind.ADDON_CREATE, false),
  ADDON_DELETE("add-on delete", Subject.ADDON, Action.DELETE, WaitKind.ADDON_DELETE, false);

  enum Action {
    CREATE,
    DELETE,
    VERSION,
    CONFIG
  }

  final String title;
  final Subject subject;
  final Action action;
  final WaitKind kind;

  /** Whether the issue asks for at most half the SDK waiter's lag. */
  final boolean halfTheSdkLag;

  WaitCase(String title, Subject subject, Action action, WaitKind kind, boolean halfTheSdkLag) {
    this.title = title;
    this.subject = subject;
    this.action = action;
    this.kind = kind;
    this.halfTheSdkLag = halfTheSdkLag;
  }

  /** The simulated transition whose duration this row measures. */
  String transition() {
    return switch (action) {
      case VERSION -> "cluster-version-update";
      case CONFIG -> "cluster-config-update";
      default -> kind.name();
    };
  }

  String target() {
    return action == Action.DELETE ? Subject.GONE : "ACTIVE";
  }

  boolean waitsForGone() {
    return action == Action.DELETE;
  }

  /** Makes resource {@code i} ready for the transition: its cluster, and itself for a delete. */
  void prepare(BenchWorld world, int i) {
    if (subject != Subject.CLUSTER || action != Action.CREATE) {
      Subject.CLUSTER.create(world, i);
    }
    if (subject != Subject.CLUSTER && action == Action.DELETE) {
      subject.create(world, i);
    }
  }

  /** Starts the transition on resource {@code i}. */
  void start(BenchWorld world, int i) {
    EksClient eks = world.aws().eks();
    String cluster = Subject.cluster(i);
    switch (action) {
      case CREATE -> subject.create(world, i);
      case DELETE -> subject.delete(world, i);
      case VERSION -> eks.updateClusterVersion(r -> r.name(cluster).version("1.33"));
      case CONFIG ->
          eks.updateClusterConfig(
              r ->
                  r.name(cluster)
                      .logging(
                          l ->
                              l.clusterLogging(
                                  s -> s.typesWithStrings("api", "audit").enabled(true))));
    }
  }
}
