package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.Service;
import dev.ekskit.simulator.internal.Simulation;
import dev.ekskit.simulator.internal.Unmodelled;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * An in-process simulated AWS account behind the SDK v2 client interfaces (EKS, EC2, SSM, IAM, Auto
 * Scaling, Elastic Load Balancing v2), on {@link VirtualTime}. Resources move through their real
 * states (CREATING → ACTIVE after a realistic drawn duration, UPDATING, DELETING → gone, FAILED
 * with health issues), EKS's conflict and idempotency rules apply, and every call is recorded.
 * Everything is deterministic from the seed.
 *
 * <pre>{@code
 * try (SimulatedAws aws = SimulatedAws.create()) {
 *     List<String> subnets = aws.createVpcWithSubnets(2);
 *     aws.eks().createCluster(r -> r.name("orders").roleArn("arn:aws:iam::123456789012:role/eks")
 *                                   .resourcesVpcConfig(v -> v.subnetIds(subnets)));
 *     aws.time().advance(Duration.ofMinutes(40));
 *     Cluster cluster = aws.eks().describeCluster(r -> r.name("orders")).cluster();   // ACTIVE
 *     assertThat(aws.calls().count("CreateCluster")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>The clients are thread-safe. Errors are the SDK's own exception types with status code and
 * {@code awsErrorDetails()} set, thrown directly: the SDK's retry strategy does not run in between.
 * Operations the simulation does not model answer the service's own exception (status 400, code
 * {@code UnsupportedOperation}) naming the service and the operation.
 */
public final class SimulatedAws implements AutoCloseable {
  private final VirtualTime time;
  private final boolean ownsTime;
  private final Simulation simulation;
  private final Faults faults;
  private final Durations durations;
  private final Calls calls;
  private final String accountId;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final SsmClient ssm;
  private final IamClient iam;
  private final AutoScalingClient autoScaling;
  private final ElasticLoadBalancingV2Client elbv2;

  private SimulatedAws(Builder builder) {
    this.accountId = builder.accountId;
    this.ownsTime = builder.time == null;
    this.time = ownsTime ? VirtualTime.create() : builder.time;
    this.simulation =
        new Simulation(builder.seed, time::now, time::advance, builder.region, builder.accountId);
    this.faults = new Faults(simulation.faults());
    this.durations = new Durations(simulation.durations());
    this.calls = new Calls(simulation.calls());
    this.eks = Unmodelled.named(EksClient.class, simulation.eks(), Service.EKS, "EKS");
    this.ec2 = Unmodelled.named(Ec2Client.class, simulation.ec2(), Service.EC2, "EC2");
    this.ssm = Unmodelled.named(SsmClient.class, simulation.ssm(), Service.SSM, "SSM");
    this.iam = Unmodelled.named(IamClient.class, simulation.iam(), Service.IAM, "IAM");
    this.autoScaling =
        Unmodelled.named(
            AutoScalingClient.class,
            simulation.autoScaling(),
            Service.AUTO_SCALING,
            "Auto Scaling");
    this.elbv2 =
        Unmodelled.named(
            ElasticLoadBalancingV2Client.class,
            simulation.elbv2(),
            Service.ELBV2,
            "Elastic Load Balancing");
  }

  /** Seed 42, us-east-1, account 123456789012, its own {@link VirtualTime}, no faults. */
  public static SimulatedAws create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The simulated EKS; closing it is harmless. */
  public EksClient eks() {
    return eks;
  }

  /**
   * The simulated EC2: VPCs, subnets, security groups and their rules, availability zones and
   * instance type offerings, internet and NAT gateways, Elastic IPs, route tables, and the network
   * interfaces EKS and NAT gateways leave in subnets ({@code DependencyViolation} on deletes while
   * they are there), with tag filters on the describes.
   */
  public Ec2Client ec2() {
    return ec2;
  }

  /** SSM with the public parameters of EKS-optimized AMIs, which EC2 DescribeImages knows. */
  public SsmClient ssm() {
    return ssm;
  }

  /**
   * IAM roles (with managed and inline policies), instance profiles and OpenID Connect providers. A
   * role added to a profile reaches EC2 launches only after a few seconds, and EKS refuses a role
   * made through CreateRole for a few seconds ({@link Durations#rolePropagation}), as IAM's
   * eventual consistency makes it.
   */
  public IamClient iam() {
    return iam;
  }

  /**
   * Auto Scaling groups from launch templates: instances Pending for a minute or few, then
   * InService, each launched from the launch template version in effect (its {@code launchTemplate}
   * shows the version number); failed launches show as Failed activities and are retried. Instance
   * refreshes replace instances in batches, Pending, InProgress with a percentage, then Successful
   * (the group takes on the desired configuration), Failed or Cancelled.
   *
   * <pre>{@code
   * aws.autoScaling().startInstanceRefresh(r -> r.autoScalingGroupName("workers")
   *     .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateId(id).version("2"))));
   * aws.time().advance(Duration.ofMinutes(30));
   * aws.autoScaling().describeInstanceRefreshes(r -> r.autoScalingGroupName("workers"))
   *     .instanceRefreshes().get(0).status();                     // Successful
   * }</pre>
   */
  public AutoScalingClient autoScaling() {
    return autoScaling;
  }

  /**
   * Elastic Load Balancing (v2): application and network load balancers (provisioning, then active;
   * their network interfaces in the VPC's subnets, lingering a while after a delete), target
   * groups, listeners and tags, with ELB's idempotent creates and error codes ({@code
   * LoadBalancerNotFound}, {@code DuplicateLoadBalancerName}, {@code ResourceInUse}, ...).
   */
  public ElasticLoadBalancingV2Client elbv2() {
    return elbv2;
  }

  /**
   * What Kubernetes controllers running in cluster {@code clusterName} leave in AWS, such as the
   * AWS Load Balancer Controller's load balancers for Services and Ingresses, for tests of a delete
   * that must clean them up.
   *
   * <pre>{@code
   * aws.kubernetes("orders").loadBalancerService("web");   // an NLB, target group, security groups
   * }</pre>
   */
  public SimulatedKubernetes kubernetes(String clusterName) {
    return new SimulatedKubernetes(simulation, clusterName);
  }

  /**
   * Creates IAM role {@code name} that {@code service} (e.g. {@code ec2.amazonaws.com}) may assume,
   * with AWS-managed policies by name (e.g. {@code AmazonEKSWorkerNodePolicy}), and returns its
   * ARN. Not recorded in {@link #calls()}.
   */
  public String createRole(String name, String service, String... managedPolicies) {
    return simulation.createRole(name, service, List.of(managedPolicies));
  }

  /**
   * The version of add-on {@code name} the simulated EKS installs when a create names none, on
   * {@code kubernetesVersion}, e.g. {@code defaultAddonVersion("vpc-cni", "1.33")}. Not recorded in
   * {@link #calls()}.
   */
  public String defaultAddonVersion(String name, String kubernetesVersion) {
    return simulation.defaultAddonVersion(name, kubernetesVersion);
  }

  /** The simulated account's id, for ARNs such as role ARNs in specs. */
  public String accountId() {
    return accountId;
  }

  /** The virtual time every transition is measured on. */
  public VirtualTime time() {
    return time;
  }

  /** Fault injection: throttling, rate limits, failed calls, failed creates and updates. */
  public Faults faults() {
    return faults;
  }

  /** Fixed durations for transitions instead of seeded draws. */
  public Durations durations() {
    return durations;
  }

  /** Every call made so far, with its virtual time and outcome. */
  public Calls calls() {
    return calls;
  }

  /**
   * Creates a VPC with {@code count} subnets (1 to 16) spread round-robin over the region's zones
   * (us-east-1a, us-east-1b, ...) and returns the subnet ids. Not recorded in {@link #calls()}.
   */
  public List<String> createVpcWithSubnets(int count) {
    return simulation.createVpcWithSubnets(count);
  }

  /**
   * Makes {@code subnetId} public: its own route table sends {@code 0.0.0.0/0} to an internet
   * gateway (DescribeRouteTables shows it). Subnets are private until then. Not recorded in {@link
   * #calls()}.
   */
  public void routeToInternet(String subnetId) {
    simulation.routeToInternet(subnetId);
  }

  /**
   * Stops the virtual time if this simulation created it; a time passed to the builder stays open.
   */
  @Override
  public void close() {
    if (ownsTime) {
      time.close();
    }
  }

  /** Options of a {@link SimulatedAws}; every one has a default. */
  public static final class Builder {
    private long seed = 42;
    private VirtualTime time;
    private String region = "us-east-1";
    private String accountId = "123456789012";

    private Builder() {}

    /** Seed of every draw: durations, identifiers, random faults. Default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Shares a virtual time with the code under test; the caller closes it. Default: a new one. */
    public Builder time(VirtualTime time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** Region in ARNs, endpoints and zone names. Default us-east-1. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** Account in ARNs. Default 123456789012. */
    public Builder accountId(String accountId) {
      if (!accountId.matches("\\d{12}")) {
        throw new IllegalArgumentException("An account id has 12 digits: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    public SimulatedAws build() {
      return new SimulatedAws(this);
    }
  }
}
