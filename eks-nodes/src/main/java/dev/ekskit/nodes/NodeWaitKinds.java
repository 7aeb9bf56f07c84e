package dev.ekskit.nodes;

import dev.ekskit.core.EksDurations;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.WaitKind;
import java.time.Duration;

/**
 * The waits of node groups, managed and self-managed, in one place, with defaults from their real
 * durations. A managed group's delete uses {@link WaitKind#NODEGROUP_DELETE}. Override any of them:
 *
 * <pre>{@code
 * EksKit kit = EksKit.builder()
 *     .polling(NodeWaitKinds.NODEGROUP_VERSION_UPDATE,
 *              NodeWaitKinds.NODEGROUP_VERSION_UPDATE.defaults().toBuilder()
 *                  .deadline(Duration.ofHours(6)).build())
 *     .build();
 * }</pre>
 */
public final class NodeWaitKinds {
  /** Managed node group create: 3–6 minutes typically, up to 8 (see {@link EksDurations}). */
  public static final WaitKind NODEGROUP_CREATE =
      WaitKind.modelled(
          "nodegroup-create", EksDurations.NODEGROUP_CREATE, 800, Duration.ofMinutes(40));

  /** A managed group's scaling update: a minute or two. */
  public static final WaitKind NODEGROUP_SCALE =
      fixed("nodegroup-scale", seconds(30), seconds(15), minutes(30), minutes(2));

  /**
   * A managed group's version or AMI release update: nodes are replaced a few at a time, 10–40
   * minutes and longer for large groups or slow pod eviction.
   */
  public static final WaitKind NODEGROUP_VERSION_UPDATE =
      fixed("nodegroup-version-update", minutes(5), seconds(30), Duration.ofHours(3), minutes(20));

  /**
   * Self-managed instances starting (create, scale): a launch and EC2 status checks take 2–4
   * minutes, Windows longer.
   */
  public static final WaitKind SELF_MANAGED_CREATE =
      fixed("self-managed-create", seconds(90), seconds(15), minutes(30), minutes(3));

  /** Self-managed instances terminating with their group: 1–4 minutes. */
  public static final WaitKind SELF_MANAGED_DELETE =
      fixed("self-managed-delete", seconds(60), seconds(15), minutes(30), minutes(2));

  /**
   * An instance refresh, as a blueprint's apply or upgrade replaces self-managed nodes with a new
   * launch template version: a few minutes per batch of instances, at least 90% kept in service, so
   * tens of minutes and longer for large groups.
   */
  public static final WaitKind SELF_MANAGED_REFRESH =
      fixed("self-managed-refresh", minutes(5), seconds(30), Duration.ofHours(3), minutes(20));

  private NodeWaitKinds() {}

  /** A fixed schedule, 20% jitter, backing off to at most 4 × interval under throttling. */
  private static WaitKind fixed(
      String name, Duration firstCheck, Duration interval, Duration deadline, Duration typical) {
    return new WaitKind(
        name,
        PollingPolicy.builder()
            .firstCheck(firstCheck)
            .interval(interval)
            .jitter(0.2)
            .maxInterval(interval.multipliedBy(4))
            .deadline(deadline)
            .typical(typical)
            .build());
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }
}
