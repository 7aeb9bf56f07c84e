package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * The long-running transitions of EKS and how long each takes in reality: a lognormal body around
 * the median cut to [min, max], and a rare tail between p95 and the maximum. The EKS ones mirror
 * eks-core's {@code EksDurations} (sources there); a test there keeps them equal.
 */
public enum Transition {
  CLUSTER_CREATE(minutes(12), minutes(15), minutes(9), minutes(33), 0.01),
  CLUSTER_DELETE(minutes(3.4), minutes(4.5), minutes(2), minutes(10), 0.01),
  CLUSTER_VERSION_UPDATE(minutes(14), minutes(21), minutes(9), minutes(25), 0.02),
  CLUSTER_CONFIG_UPDATE(minutes(3.5), minutes(5.5), minutes(2), minutes(6), 0),
  NODEGROUP_CREATE(minutes(4.2), minutes(5.4), minutes(3), minutes(8), 0),
  NODEGROUP_DELETE(minutes(5), minutes(7.4), minutes(3), minutes(8), 0),
  FARGATE_PROFILE_CREATE(minutes(2), minutes(4.5), Duration.ofSeconds(26), minutes(5.5), 0),
  FARGATE_PROFILE_DELETE(minutes(1.75), minutes(2), minutes(1.5), minutes(8), 0.02),
  ADDON_CREATE(seconds(45), seconds(75), seconds(15), seconds(90), 0),
  ADDON_UPDATE(seconds(45), seconds(75), seconds(15), seconds(90), 0),
  ADDON_DELETE(minutes(1), minutes(1.4), minutes(0.5), minutes(2), 0),
  /** Auto Mode's EC2 managed instances, from the cluster's delete to terminated and gone. */
  AUTO_MODE_NODES_DRAIN(minutes(4), minutes(6), minutes(2.5), minutes(8), 0),
  /** An EC2 instance from launch to InService and healthy in its Auto Scaling group. */
  INSTANCE_LAUNCH(minutes(1.7), minutes(2.5), minutes(1), minutes(4), 0),
  /** An instance refresh from Pending to InProgress. */
  INSTANCE_REFRESH_START(
      Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(5), minutes(2), 0),
  /** An instance from Terminating to gone. */
  INSTANCE_TERMINATE(minutes(1), minutes(1.5), minutes(0.5), minutes(2.5), 0),
  /** A NAT gateway from pending to available: one to two minutes. */
  NAT_GATEWAY_CREATE(minutes(1.5), minutes(1.9), minutes(1), minutes(2), 0),
  /** A NAT gateway from deleting to deleted. */
  NAT_GATEWAY_DELETE(minutes(1), minutes(1.4), Duration.ofSeconds(30), minutes(2), 0),
  /** How long a deleted NAT gateway's network interface stays in its subnet. */
  NAT_INTERFACE_LINGER(
      Duration.ofSeconds(30), Duration.ofSeconds(75), Duration.ofSeconds(10), minutes(2), 0),
  /** An application or network load balancer from provisioning to active. */
  LOAD_BALANCER_CREATE(minutes(2.5), minutes(4), minutes(1), minutes(6), 0),
  /**
   * How long a deleted load balancer's network interfaces stay in their subnets (in use, keeping
   * their subnets and security groups from being deleted) before they vanish.
   */
  LOAD_BALANCER_INTERFACE_LINGER(minutes(2), minutes(5), Duration.ofSeconds(20), minutes(10), 0),
  /** How long EC2 takes to see a role newly added to an instance profile (IAM is eventual). */
  PROFILE_PROPAGATION(
      Duration.ofSeconds(8),
      Duration.ofSeconds(12),
      Duration.ofSeconds(5),
      Duration.ofSeconds(15),
      0),
  /** How long EKS refuses a role just made through CreateRole (IAM is eventual). */
  ROLE_PROPAGATION(
      Duration.ofSeconds(7),
      Duration.ofSeconds(12),
      Duration.ofSeconds(3),
      Duration.ofSeconds(20),
      0);

  private static final double Z_95 = 1.645;

  private final Duration median;
  private final Duration p95;
  private final Duration min;
  private final Duration max;
  private final double tailChance;

  Transition(Duration median, Duration p95, Duration min, Duration max, double tailChance) {
    this.median = median;
    this.p95 = p95;
    this.min = min;
    this.max = max;
    this.tailChance = tailChance;
  }

  /**
   * Maps a uniform draw and a standard normal draw to a duration of this transition, to the
   * millisecond (real transitions do not end on whole seconds, and whole seconds would favour
   * whoever checks on whole seconds by half a second of lag); empty when the body's draw falls
   * outside [min, max], to be drawn again, so that no duration is likelier than its neighbours.
   */
  Optional<Duration> sample(double uniform, double gaussian) {
    double millis;
    if (uniform < tailChance) {
      double share = uniform / tailChance;
      millis = p95.toMillis() + share * (max.toMillis() - p95.toMillis());
    } else {
      double sigma = Math.log((double) p95.toMillis() / median.toMillis()) / Z_95;
      millis = median.toMillis() * Math.exp(sigma * gaussian);
    }
    long rounded = Math.round(millis);
    return rounded < min.toMillis() || rounded > max.toMillis()
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(rounded));
  }

  /** The name of this transition as ekskit's waits call it, e.g. {@code cluster-create}. */
  public String kebabName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The transition named {@code name} as {@link #kebabName()} writes it. */
  public static Transition named(String name) {
    for (Transition transition : values()) {
      if (transition.kebabName().equals(name)) {
        return transition;
      }
    }
    throw new IllegalArgumentException("No simulated transition is named " + name);
  }

  public Duration median() {
    return median;
  }

  public Duration p95() {
    return p95;
  }

  public Duration min() {
    return min;
  }

  public Duration max() {
    return max;
  }

  public double tailChance() {
    return tailChance;
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static Duration minutes(double minutes) {
    return Duration.ofSeconds(Math.round(minutes * 60));
  }
}
