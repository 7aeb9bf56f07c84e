package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.ClassicLoadBalancerTraces;
import dev.ekskit.simulator.ControllerLoadBalancer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Wires one simulated account: shared clock, seeded draws, faults, call log, EKS, Auto Scaling and
 * Elastic Load Balancing over EC2.
 */
public final class Simulation {
  private static final int MAX_SUBNETS = 16;

  private final CallLog calls = new CallLog();
  private final FaultPlan faults;
  private final DurationSampler durations;
  private final Gateway gateway;
  private final Ec2Network network;
  private final SimulatedEks eks;
  private final SimulatedEc2 ec2;
  private final SimulatedSsm ssm;
  private final IamState iamState;
  private final SimulatedIam iam;
  private final SimulatedAutoScaling autoScaling;
  private final SimulatedElbv2 elbv2;
  private final KubernetesControllers controllers;

  /** {@code passTime} moves the shared virtual time on, for calls that a fault rule delays. */
  public Simulation(
      long seed,
      Supplier<Instant> clock,
      Consumer<Duration> passTime,
      String region,
      String accountId) {
    Ids ids = new Ids(seed);
    this.faults = new FaultPlan(seed, clock);
    this.durations = new DurationSampler(seed);
    this.gateway = new Gateway(faults, calls, clock, passTime);
    this.network = new Ec2Network(region, accountId, ids);
    this.iamState = new IamState(accountId, clock, durations);
    AutoModeNodes autoModeNodes = new AutoModeNodes(ids);
    LaunchTemplateStore launchTemplates = new LaunchTemplateStore(ids, clock);
    this.eks =
        new SimulatedEks(
            gateway,
            new EksContext(
                region,
                accountId,
                clock,
                durations,
                faults,
                ids,
                new TagRegistry(),
                network,
                autoModeNodes,
                new Agenda(),
                launchTemplates),
            iamState);
    AutoScalingStore groups =
        new AutoScalingStore(
            region, accountId, ids, clock, durations, faults, iamState, launchTemplates, network);
    VpcGateways vpcGateways =
        new VpcGateways(network, ids, region, accountId, clock, durations, faults.network());
    this.ec2 =
        new SimulatedEc2(
            gateway,
            network,
            vpcGateways,
            new VpcNetworking(network, vpcGateways, region, clock),
            launchTemplates,
            groups,
            autoModeNodes,
            clock);
    this.ssm = new SimulatedSsm(gateway);
    this.iam = new SimulatedIam(gateway, iamState, accountId);
    this.autoScaling = new SimulatedAutoScaling(gateway, groups);
    ElbWorld elb = new ElbWorld(region, accountId, ids, clock, durations, network);
    this.elbv2 = new SimulatedElbv2(gateway, elb);
    this.controllers = new KubernetesControllers(elb, network, clock);
  }

  public EksClient eks() {
    return eks;
  }

  public Ec2Client ec2() {
    return ec2;
  }

  public SsmClient ssm() {
    return ssm;
  }

  public IamClient iam() {
    return iam;
  }

  public AutoScalingClient autoScaling() {
    return autoScaling;
  }

  public ElasticLoadBalancingV2Client elbv2() {
    return elbv2;
  }

  /**
   * What the AWS Load Balancer Controller of running cluster {@code cluster} makes for a Service (a
   * network load balancer) or an Ingress (an application load balancer); not recorded.
   */
  public ControllerLoadBalancer controllerLoadBalancer(
      String cluster, String namespace, String name, boolean ingress) {
    return gateway.unrecorded(
        () ->
            controllers.loadBalancer(
                cluster, eks.runningClusterVpc(cluster), namespace, name, ingress));
  }

  /** What the in-tree cloud provider leaves in EC2 for a classic ELB; not recorded. */
  public ClassicLoadBalancerTraces classicLoadBalancer(
      String cluster, String namespace, String name) {
    return gateway.unrecorded(
        () ->
            controllers.classicLoadBalancer(
                cluster, eks.runningClusterVpc(cluster), namespace, name));
  }

  /** The version of add-on {@code name} EKS installs by default on {@code kubernetesVersion}. */
  public String defaultAddonVersion(String name, String kubernetesVersion) {
    return AddonCatalog.defaultVersion(name, kubernetesVersion);
  }

  /** Creates a role {@code service} may assume, with these managed policies; not recorded. */
  public String createRole(String name, String service, List<String> managedPolicies) {
    return gateway.unrecorded(
        () -> {
          var role =
              iamState.createRole(
                  name,
                  "/",
                  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                      + "\"Principal\":{\"Service\":\""
                      + service
                      + "\"},\"Action\":\"sts:AssumeRole\"}]}",
                  java.util.Map.of());
          managedPolicies.forEach(p -> role.policies.add("arn:aws:iam::aws:policy/" + p));
          return role.arn;
        });
  }

  public CallLog calls() {
    return calls;
  }

  public FaultPlan faults() {
    return faults;
  }

  public DurationSampler durations() {
    return durations;
  }

  /** Routes {@code subnetId} to an internet gateway, making it public; not recorded. */
  public void routeToInternet(String subnetId) {
    gateway.unrecorded(
        () -> {
          ec2.routeToInternet(subnetId);
          return null;
        });
  }

  /**
   * A 10.0.0.0/16 VPC with {@code count} /20 subnets, round-robin over the region's zones; not
   * recorded.
   */
  public List<String> createVpcWithSubnets(int count) {
    if (count < 1 || count > MAX_SUBNETS) {
      throw new IllegalArgumentException(
          "count must be between 1 and " + MAX_SUBNETS + ": " + count);
    }
    return gateway.unrecorded(
        () -> {
          String vpcId = network.createVpc("10.0.0.0/16", List.of()).vpcId();
          List<AvailabilityZone> zones = network.zones(List.of());
          List<String> subnetIds = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            String zone = zones.get(i % zones.size()).zoneName();
            subnetIds.add(
                network
                    .createSubnet(vpcId, "10.0." + (i * 16) + ".0/20", zone, List.of())
                    .subnetId());
          }
          return subnetIds;
        });
  }
}
