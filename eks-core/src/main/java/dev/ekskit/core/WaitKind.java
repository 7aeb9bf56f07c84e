package dev.ekskit.core;

import java.time.Duration;

/**
 * A kind of wait with its default {@link PollingPolicy}, informed by how long that transition takes
 * in practice. Other ekskit modules declare their own kinds; override any of them with {@link
 * EksKit.Builder#polling(WaitKind, PollingPolicy)}.
 *
 * @param name stable identifier, e.g. {@code "cluster-create"}
 * @param defaults the policy used unless overridden
 */
public record WaitKind(String name, PollingPolicy defaults) {
  private static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static Duration sec(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** Cluster create: median ~10 min, p95 13–16 min, a tail to ~33 min. */
  public static final WaitKind CLUSTER_CREATE =
      new WaitKind(
          "cluster-create", new PollingPolicy(min(7), sec(30), 0.2, min(2), min(45), min(10)));

  /** Cluster delete: median ~3.4 min. */
  public static final WaitKind CLUSTER_DELETE =
      new WaitKind(
          "cluster-delete", new PollingPolicy(min(2), sec(20), 0.2, min(2), min(30), sec(204)));

  /** Logging or endpoint-access update: a few minutes. */
  public static final WaitKind CLUSTER_CONFIG_UPDATE =
      new WaitKind(
          "cluster-config-update",
          new PollingPolicy(min(1), sec(20), 0.2, min(2), min(40), min(4)));

  /** Kubernetes version update: 9–25 min. */
  public static final WaitKind CLUSTER_VERSION_UPDATE =
      new WaitKind(
          "cluster-version-update",
          new PollingPolicy(min(8), sec(30), 0.2, min(2), min(90), min(15)));

  /** Node group delete during a cascade: 3–8 min. */
  public static final WaitKind NODEGROUP_DELETE =
      new WaitKind(
          "nodegroup-delete", new PollingPolicy(min(2), sec(20), 0.2, min(2), min(40), min(5)));

  /** Fargate profile delete: ~1.5–2 min with a tail past 20 min. */
  public static final WaitKind FARGATE_PROFILE_DELETE =
      new WaitKind(
          "fargate-profile-delete",
          new PollingPolicy(sec(60), sec(15), 0.2, min(2), min(40), sec(100)));

  /** Add-on delete: about a minute. */
  public static final WaitKind ADDON_DELETE =
      new WaitKind(
          "addon-delete", new PollingPolicy(sec(20), sec(10), 0.2, min(1), min(20), sec(60)));

  /** Add-on create: 15–90 s, DEGRADED included when it has nowhere to run yet. */
  public static final WaitKind ADDON_CREATE =
      new WaitKind(
          "addon-create", new PollingPolicy(sec(15), sec(10), 0.2, min(1), min(20), sec(45)));

  /** Add-on update (version, configuration, identity): 15–90 s. */
  public static final WaitKind ADDON_UPDATE =
      new WaitKind(
          "addon-update", new PollingPolicy(sec(15), sec(10), 0.2, min(1), min(30), sec(45)));

  /** An Auto Mode cluster's EC2 instances after its delete: gone within minutes. */
  public static final WaitKind AUTO_MODE_NODES_GONE =
      new WaitKind(
          "auto-mode-nodes-gone", new PollingPolicy(min(1), sec(20), 0.2, min(2), min(30), min(4)));

  /** Adopting or resuming: the resource may already be there, so look at once. */
  public static final WaitKind RESUME =
      new WaitKind(
          "resume", new PollingPolicy(Duration.ZERO, sec(30), 0.2, min(2), min(45), Duration.ZERO));
}
