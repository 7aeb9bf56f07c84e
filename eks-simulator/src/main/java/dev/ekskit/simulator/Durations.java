package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.DurationSampler;
import dev.ekskit.simulator.internal.Transition;
import java.time.Duration;

/**
 * How long simulated transitions take. By default each is drawn from the seed (mixed, so that
 * neighbouring seeds draw the whole distribution) to match real EKS, the same distributions as
 * ekskit's {@code EksDurations} with their sources: cluster create median 12 min (p95 15, a 1% tail
 * to 33), delete ~3.4 min, version update 9–25 min, config update 2–6 min, node group create 3–8 /
 * delete 3–8 min, Fargate profile create 26 s–5.5 min / delete ~1.5–2 min (rare tail to 8), add-on
 * create and update 15–90 s / delete 0.5–2 min, Auto Mode's instances gone 2.5–8 min after their
 * cluster's delete starts, NAT gateway create 1–2 / delete 0.5–2 min (its interface lingers 10 s–2
 * min more), an instance refresh Pending 5 s–2 min (each batch then takes an instance launch, 1–4
 * min, plus the warmup asked for), a load balancer provisioning 1–6 min (its interfaces linger 20
 * s–10 min after a delete). {@link #distribution} gives each as numbers, {@link #next} tells what
 * the next draw will be. Fixing a duration makes a test independent of the draws:
 *
 * <pre>{@code
 * aws.durations().clusterCreate(Duration.ofMinutes(12)).clusterDelete(Duration.ofMinutes(3));
 * aws.durations().all(Duration.ZERO);   // every transition instant, e.g. for a quick demo
 * }</pre>
 *
 * <p>A fixed duration applies to transitions started afterwards.
 */
public final class Durations {
  private final DurationSampler sampler;

  Durations(DurationSampler sampler) {
    this.sampler = sampler;
  }

  public Durations clusterCreate(Duration duration) {
    return fix(Transition.CLUSTER_CREATE, duration);
  }

  public Durations clusterDelete(Duration duration) {
    return fix(Transition.CLUSTER_DELETE, duration);
  }

  public Durations clusterVersionUpdate(Duration duration) {
    return fix(Transition.CLUSTER_VERSION_UPDATE, duration);
  }

  /** Logging, endpoint access and upgrade policy updates. */
  public Durations clusterConfigUpdate(Duration duration) {
    return fix(Transition.CLUSTER_CONFIG_UPDATE, duration);
  }

  public Durations nodegroupCreate(Duration duration) {
    return fix(Transition.NODEGROUP_CREATE, duration);
  }

  public Durations nodegroupDelete(Duration duration) {
    return fix(Transition.NODEGROUP_DELETE, duration);
  }

  public Durations fargateProfileCreate(Duration duration) {
    return fix(Transition.FARGATE_PROFILE_CREATE, duration);
  }

  public Durations fargateProfileDelete(Duration duration) {
    return fix(Transition.FARGATE_PROFILE_DELETE, duration);
  }

  public Durations addonCreate(Duration duration) {
    return fix(Transition.ADDON_CREATE, duration);
  }

  public Durations addonDelete(Duration duration) {
    return fix(Transition.ADDON_DELETE, duration);
  }

  public Durations addonUpdate(Duration duration) {
    return fix(Transition.ADDON_UPDATE, duration);
  }

  /** How long EKS Auto Mode's instances outlive the start of their cluster's delete. */
  public Durations autoModeNodesDrain(Duration duration) {
    return fix(Transition.AUTO_MODE_NODES_DRAIN, duration);
  }

  /** An instance from launch to InService in its Auto Scaling group. */
  public Durations instanceLaunch(Duration duration) {
    return fix(Transition.INSTANCE_LAUNCH, duration);
  }

  /** An instance refresh from Pending to InProgress: 5 s to 2 min drawn. */
  public Durations instanceRefreshStart(Duration duration) {
    return fix(Transition.INSTANCE_REFRESH_START, duration);
  }

  /** An application or network load balancer from provisioning to active: 1 to 6 min drawn. */
  public Durations loadBalancerCreate(Duration duration) {
    return fix(Transition.LOAD_BALANCER_CREATE, duration);
  }

  /**
   * How long a deleted load balancer's network interfaces keep its subnets and security groups from
   * being deleted: 20 s to 10 min drawn.
   */
  public Durations loadBalancerInterfaceLinger(Duration duration) {
    return fix(Transition.LOAD_BALANCER_INTERFACE_LINGER, duration);
  }

  /** An instance from Terminating to gone, also how long a deleted group lingers. */
  public Durations instanceTerminate(Duration duration) {
    return fix(Transition.INSTANCE_TERMINATE, duration);
  }

  /** How long EC2 launches fail after a role was added to an instance profile. */
  public Durations instanceProfilePropagation(Duration duration) {
    return fix(Transition.PROFILE_PROPAGATION, duration);
  }

  /** A NAT gateway from pending to available (or failed). */
  public Durations natGatewayCreate(Duration duration) {
    return fix(Transition.NAT_GATEWAY_CREATE, duration);
  }

  /** A NAT gateway from deleting to deleted. */
  public Durations natGatewayDelete(Duration duration) {
    return fix(Transition.NAT_GATEWAY_DELETE, duration);
  }

  /** How long a deleted NAT gateway's network interface keeps its subnet from being deleted. */
  public Durations natInterfaceLinger(Duration duration) {
    return fix(Transition.NAT_INTERFACE_LINGER, duration);
  }

  /**
   * How long EKS answers "the role cannot be assumed" (CreateCluster, CreateNodegroup,
   * CreateFargateProfile) for a role made through CreateRole; 3–20 s drawn. Roles made with {@link
   * SimulatedAws#createRole} are usable at once.
   */
  public Durations rolePropagation(Duration duration) {
    return fix(Transition.ROLE_PROPAGATION, duration);
  }

  /**
   * A transition's distribution: a log-normal body by {@code median} and {@code p95}, a share
   * {@code tailChance} spread evenly between {@code p95} and {@code max}, every draw within [{@code
   * min}, {@code max}].
   */
  public record Distribution(
      Duration median, Duration p95, Duration min, Duration max, double tailChance) {}

  /**
   * The distribution of the transition named as ekskit's wait kinds are, e.g. {@code
   * "cluster-create"}, {@code "nodegroup-delete"}, {@code "addon-create"}.
   *
   * @throws IllegalArgumentException for a name the simulation has no transition of
   */
  public Distribution distribution(String transition) {
    Transition t = Transition.named(transition);
    return new Distribution(t.median(), t.p95(), t.min(), t.max(), t.tailChance());
  }

  /**
   * How long the {@code ahead}-th next transition of this name will take (0: the next one), as the
   * simulation will draw it: a benchmark's oracle, which knows when a resource is really done.
   */
  public Duration next(String transition, int ahead) {
    return sampler.peek(Transition.named(transition), ahead);
  }

  /** Fixes the transition named as in {@link #distribution}, e.g. {@code "addon-delete"}. */
  public Durations fix(String transition, Duration duration) {
    return fix(Transition.named(transition), duration);
  }

  /** Fixes every transition to {@code duration}. */
  public Durations all(Duration duration) {
    sampler.fixAll(duration);
    return this;
  }

  /** Back to durations drawn from the seed. */
  public Durations drawn() {
    sampler.unfixAll();
    return this;
  }

  private Durations fix(Transition transition, Duration duration) {
    sampler.fix(transition, duration);
    return this;
  }
}
