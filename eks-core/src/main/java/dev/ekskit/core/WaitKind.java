package dev.ekskit.core;

import java.time.Duration;

/**
 * A kind of wait with its default {@link PollingPolicy}. The defaults compute their check times
 * from how long the transition takes ({@link EksDurations}), with a {@code callCost} per kind
 * chosen on eks-bench's comparison with the SDK's waiters: less detection lag for fewer calls, also
 * when every duration is 30% off. A kit learns from its own waits how fast each kind runs today (a
 * slow region, a busy day) and plans later waits of that kind, and the rest of running ones, for
 * that pace ({@link PollingPolicy#scaled(double)}); one odd wait moves it little. Every kind of
 * eks-core is here; other ekskit modules declare their own kinds in one place each; override any of
 * them with {@link EksKit.Builder#polling(WaitKind, PollingPolicy)}.
 *
 * <pre>{@code
 * EksKit kit = EksKit.builder()
 *     .polling(WaitKind.CLUSTER_CREATE,
 *              WaitKind.CLUSTER_CREATE.defaults().withCallCost(Duration.ofSeconds(2)))  // fewer calls
 *     .build();
 * }</pre>
 *
 * @param name stable identifier, e.g. {@code "cluster-create"}
 * @param defaults the policy used unless overridden
 */
public record WaitKind(String name, PollingPolicy defaults) {
  /** Cluster create: median 12 min, p95 15, a 1% tail to 33. */
  public static final WaitKind CLUSTER_CREATE =
      modelled("cluster-create", EksDurations.CLUSTER_CREATE, 260, min(45));

  /** Cluster delete: median ~3.4 min. */
  public static final WaitKind CLUSTER_DELETE =
      modelled("cluster-delete", EksDurations.CLUSTER_DELETE, 950, min(30));

  /** Logging or endpoint-access update: a few minutes. */
  public static final WaitKind CLUSTER_CONFIG_UPDATE =
      modelled("cluster-config-update", EksDurations.CLUSTER_CONFIG_UPDATE, 850, min(40));

  /** Kubernetes version update: 9–25 min. */
  public static final WaitKind CLUSTER_VERSION_UPDATE =
      modelled("cluster-version-update", EksDurations.CLUSTER_VERSION_UPDATE, 240, min(90));

  /** Node group delete during a cascade: 3–8 min. */
  public static final WaitKind NODEGROUP_DELETE =
      modelled("nodegroup-delete", EksDurations.NODEGROUP_DELETE, 600, min(40));

  /** Fargate profile delete: ~1.5–2 min with a tail to 8 min. */
  public static final WaitKind FARGATE_PROFILE_DELETE =
      modelled("fargate-profile-delete", EksDurations.FARGATE_PROFILE_DELETE, 2_400, min(40));

  /** Add-on delete: about a minute. */
  public static final WaitKind ADDON_DELETE =
      modelled("addon-delete", EksDurations.ADDON_DELETE, 350, min(20));

  /** Add-on create: 15–90 s, DEGRADED included when it has nowhere to run yet. */
  public static final WaitKind ADDON_CREATE =
      modelled("addon-create", EksDurations.ADDON_CREATE, 500, min(20));

  /** Add-on update (version, configuration, identity): 15–90 s. */
  public static final WaitKind ADDON_UPDATE =
      modelled("addon-update", EksDurations.ADDON_UPDATE, 400, min(30));

  /** An Auto Mode cluster's EC2 instances after its delete: gone within minutes. */
  public static final WaitKind AUTO_MODE_NODES_GONE =
      modelled("auto-mode-nodes-gone", EksDurations.AUTO_MODE_NODES_DRAIN, 1_000, min(30));

  /** A NAT gateway from pending to available: one to two minutes, rarely more than five. */
  public static final WaitKind NAT_GATEWAY_CREATE =
      new WaitKind(
          "nat-gateway-create", new PollingPolicy(sec(60), sec(15), 0.2, min(1), min(15), sec(90)));

  /** A NAT gateway from deleting to deleted: about a minute. */
  public static final WaitKind NAT_GATEWAY_DELETE =
      new WaitKind(
          "nat-gateway-delete", new PollingPolicy(sec(30), sec(10), 0.2, min(1), min(15), sec(60)));

  /** A new VPC or subnet from pending to available: seconds. */
  public static final WaitKind NETWORK_AVAILABLE =
      new WaitKind(
          "network-available",
          new PollingPolicy(Duration.ZERO, sec(2), 0.2, sec(10), min(5), sec(5)));

  /**
   * A deleted load balancer's network interfaces until EC2 lets them go, which a blueprint's delete
   * waits out before the security groups: a few minutes.
   */
  public static final WaitKind LOAD_BALANCER_INTERFACES_RELEASED =
      new WaitKind(
          "load-balancer-interfaces-released", PollingPolicy.of(sec(30), sec(15), min(20)));

  /** Adopting or resuming: the resource may already be there, so look at once. */
  public static final WaitKind RESUME =
      new WaitKind(
          "resume", new PollingPolicy(Duration.ZERO, sec(30), 0.2, min(2), min(45), Duration.ZERO));

  /**
   * A kind whose checks are computed from {@code expected}, trading {@code callCostMillis} of
   * detection lag for each check: for modules declaring their own kinds.
   */
  public static WaitKind modelled(
      String name, DurationModel expected, long callCostMillis, Duration deadline) {
    return new WaitKind(
        name,
        PollingPolicy.fromDurations(expected, deadline)
            .withCallCost(Duration.ofMillis(callCostMillis)));
  }

  private static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static Duration sec(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
