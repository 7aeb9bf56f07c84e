package dev.ekskit.core;

import java.time.Duration;

/**
 * How long EKS's long-running transitions take, as {@link DurationModel}s: the one place the
 * default {@link WaitKind}s compute their check times from. The simulated AWS in eks-simulator draws
 * its durations from the same numbers (a test keeps the two equal). Sources:
 *
 * <ul>
 *   <li>cluster create: "typically takes between 10 and 15 minutes" (EKS API reference,
 *       CreateCluster); 13.2 to 16.2 minutes, measured once in each of 21 regions
 *       (easontechtalk.com, "Unofficial EKS cluster creation performance across AWS regions");
 *       "can take up to 15 minutes" (eksctl issue 3313). The 1% tail to 33 minutes stands for the
 *       rare creates that outlast an SDK waiter's 20 minutes.
 *   <li>managed node group create: a node group stack done after 3 min 36 s (eksctl pull request
 *       482), 3 to 6 minutes typically.
 *   <li>the others keep the figures the simulation had from earlier public reports (cluster delete
 *       about 3.4 minutes, version update 9 to 25, Fargate profile create 26 s to 5.5 minutes and
 *       delete 1.5 to 2): re-check them as measurements are published.
 *   <li>add-on create and update: 15 to 90 seconds (issue 11 of this project, from EKS's console
 *       timings); Auto Mode's instances gone 2.5 to 8 minutes after the cluster's delete starts.
 * </ul>
 */
public final class EksDurations {
  public static final DurationModel CLUSTER_CREATE =
      model(min(12), min(15), min(9), min(33), 0.01);
  public static final DurationModel CLUSTER_DELETE =
      model(sec(204), sec(270), min(2), min(10), 0.01);
  public static final DurationModel CLUSTER_VERSION_UPDATE =
      model(min(14), min(21), min(9), min(25), 0.02);
  public static final DurationModel CLUSTER_CONFIG_UPDATE =
      model(sec(210), sec(330), min(2), min(6), 0);
  public static final DurationModel NODEGROUP_CREATE =
      model(sec(252), sec(324), min(3), min(8), 0);
  public static final DurationModel NODEGROUP_DELETE =
      model(min(5), sec(444), min(3), min(8), 0);
  public static final DurationModel FARGATE_PROFILE_CREATE =
      model(min(2), sec(270), sec(26), sec(330), 0);
  public static final DurationModel FARGATE_PROFILE_DELETE =
      model(sec(105), min(2), sec(90), min(8), 0.02);
  public static final DurationModel ADDON_CREATE = model(sec(45), sec(75), sec(15), sec(90), 0);
  public static final DurationModel ADDON_UPDATE = model(sec(45), sec(75), sec(15), sec(90), 0);
  public static final DurationModel ADDON_DELETE = model(min(1), sec(84), sec(30), min(2), 0);

  /** An Auto Mode cluster's instances, from the cluster's delete to gone. */
  public static final DurationModel AUTO_MODE_NODES_DRAIN =
      model(min(4), min(6), sec(150), min(8), 0);

  private EksDurations() {}

  private static DurationModel model(
      Duration median, Duration p95, Duration min, Duration max, double tail) {
    return new DurationModel(median, p95, min, max, tail);
  }

  private static Duration min(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static Duration sec(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
