package dev.ekskit.core;

import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.spi.KitModule;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The entry point: provisions and runs Amazon EKS clusters from Java.
 *
 * <pre>{@code
 * try (EksKit kit = EksKit.builder().addListener(ProgressListener.logging()).build()) {
 *   ClusterInfo cluster = kit.clusters().create(ClusterSpec.builder()
 *           .name("orders").kubernetesVersion("1.33")
 *           .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
 *           .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
 *           .build())
 *       .await(Duration.ofMinutes(40));
 * }
 * }</pre>
 *
 * <p>The kit owns every AWS client that ekskit and its modules use. {@link #create()} makes them
 * from the standard region and credentials chain, each on first use, with the SDK's standard
 * retries, and honours {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_EKS} as the SDK does. A
 * kit given any client explicitly makes none: every client it needs must then be given (a missing
 * one is an {@link InvalidSpecException} naming the builder method), so that a kit on a simulated
 * AWS can never reach a real account. ekskit never closes what you pass in, and closes what it
 * made. Every request carries {@code ekskit/<version>} in its user agent.
 *
 * <p>Modules (eks-nodes, eks-fargate) plug in when the kit is built: found on the class path by
 * {@link ServiceLoader}, or registered with {@link Builder#addModule(KitModule)}. Their objects
 * come from the kit: {@code Nodegroups.of(kit)}.
 */
public final class EksKit implements AutoCloseable {
  private final KitServices services;
  private final Clusters clusters;
  private final Networks networks;
  private final Roles roles;
  private final PodIdentity podIdentity;
  private final Irsa irsa;
  private final Addons addons;
  private final Access access;
  private final Blueprints blueprints;

  private EksKit(KitServices services) {
    this.services = services;
    this.clusters = new Clusters(services);
    this.networks = new Networks(services);
    this.roles = new Roles(services);
    this.podIdentity = new PodIdentity(services);
    this.irsa = new Irsa(services);
    this.addons = new Addons(services);
    this.access = new Access(services);
    this.blueprints = new Blueprints(services);
  }

  /** A kit on the default AWS region and credentials chain, with the modules on the class path. */
  public static EksKit create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Clusters clusters() {
    return clusters;
  }

  /**
   * VPCs laid out for clusters, as eksctl makes them; optional, since clusters take any subnets.
   */
  public Networks networks() {
    return networks;
  }

  /** The cluster and node IAM roles ekskit makes, and the delete of any role it made. */
  public Roles roles() {
    return roles;
  }

  /** EKS Pod Identity associations, with the roles and agent add-on they need. */
  public PodIdentity podIdentity() {
    return podIdentity;
  }

  /** IAM roles for service accounts: the cluster's OIDC provider and roles trusting it. */
  public Irsa irsa() {
    return irsa;
  }

  /** The EKS add-ons of clusters: any add-on, version, configuration and identity. */
  public Addons addons() {
    return addons;
  }

  /** Authentication modes, access entries and access policies of clusters. */
  public Access access() {
    return access;
  }

  /** Whole clusters as one value: plan, apply, upgrade and delete a {@link ClusterBlueprint}. */
  public Blueprints blueprints() {
    return blueprints;
  }

  /**
   * The object a module of this kit provides, e.g. {@code kit.extension(Nodegroups.class)}; module
   * classes offer it as {@code Nodegroups.of(kit)}.
   *
   * @throws InvalidSpecException when no module of this kit provides {@code type}
   */
  public <T> T extension(Class<T> type) {
    return services.extension(Objects.requireNonNull(type, "type"));
  }

  /** The EKS client this kit uses. */
  public EksClient eksClient() {
    return services.client(EksClient.class);
  }

  /** The EC2 client this kit uses. */
  public Ec2Client ec2Client() {
    return services.client(Ec2Client.class);
  }

  /** Stops running operations and closes the clients and threads this kit made. */
  @Override
  public void close() {
    services.close();
  }

  /** Settings of an {@link EksKit}; everything is optional. */
  public static final class Builder {
    private Region region;
    private AwsCredentialsProvider credentialsProvider;
    private final Map<Class<? extends SdkClient>, SdkClient> clients = new LinkedHashMap<>();
    private Clock clock;
    private ScheduledExecutorService scheduler;
    private Executor executor;
    private final Map<String, PollingPolicy> policies = new HashMap<>();
    private PollingPolicy pollingOverride;
    private RetrySettings retry = RetrySettings.defaults();
    private final List<ProgressListener> listeners = new ArrayList<>();
    private Duration operationDeadline = Duration.ofHours(2);
    private Random random = new Random();
    private final List<KitModule> modules = new ArrayList<>();
    private boolean discoverModules = true;

    private Builder() {}

    /**
     * Credentials for the clients the kit makes and for {@link Clusters#authToken} tokens; the
     * default chain (or, for tokens, the EKS client's own provider) when unset.
     */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = provider;
      return this;
    }

    /** The region of the clients the kit makes; the default chain decides when unset. */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    public Builder eksClient(EksClient client) {
      return client(EksClient.class, client);
    }

    public Builder ec2Client(Ec2Client client) {
      return client(Ec2Client.class, client);
    }

    /** For the IAM roles and instance profiles ekskit makes and checks. */
    public Builder iamClient(IamClient client) {
      return client(IamClient.class, client);
    }

    public Builder stsClient(StsClient client) {
      return client(StsClient.class, client);
    }

    /**
     * Any other client a module needs, e.g. {@code client(SsmClient.class, ssm)} for eks-nodes' AMI
     * lookups. Giving any client makes the kit use given clients only.
     */
    public <T extends SdkClient> Builder client(Class<T> type, T client) {
      clients.put(Objects.requireNonNull(type, "type"), type.cast(client));
      return this;
    }

    /** The clock that times waits and events. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Schedules delays between checks and retries. One thread is plenty. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** Runs the blocking AWS calls; by default a pool of 16 threads with a bounded queue. */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * One policy for every kind of wait that has no policy of its own here, including kinds that
     * other ekskit modules declare: for emulators and tests, where everything is fast.
     */
    public Builder pollingOverride(PollingPolicy policy) {
      this.pollingOverride = policy;
      return this;
    }

    /** Replaces the polling policy of one kind of wait. */
    public Builder polling(WaitKind kind, PollingPolicy policy) {
      policies.put(kind.name(), policy);
      return this;
    }

    /** Retries of faults (5xx, network) that outlasted the SDK's own; see {@link RetrySettings}. */
    public Builder retry(RetrySettings settings) {
      this.retry = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Builder addListener(ProgressListener listener) {
      listeners.add(listener);
      return this;
    }

    /**
     * The longest any one operation may take, all its steps and nested work together; 2 hours by
     * default. At the deadline the operation ends with a {@link WaitTimeoutException} naming the
     * step, and makes no further call.
     */
    public Builder operationDeadline(Duration deadline) {
      this.operationDeadline = deadline;
      return this;
    }

    /** Seeds the jitter of polling and retries, for reproducible tests. */
    public Builder jitterSeed(long seed) {
      this.random = new Random(seed);
      return this;
    }

    /** Registers a module besides those found on the class path. */
    public Builder addModule(KitModule module) {
      modules.add(Objects.requireNonNull(module, "module"));
      return this;
    }

    /**
     * Whether modules on the class path ({@code META-INF/services/dev.ekskit.core.spi.KitModule})
     * plug in by themselves; true by default.
     */
    public Builder discoverModules(boolean discover) {
      this.discoverModules = discover;
      return this;
    }

    public EksKit build() {
      return new EksKit(
          KitServices.create(
              new KitServices.EngineSettings(
                  clock,
                  scheduler,
                  executor,
                  policies,
                  pollingOverride,
                  retry,
                  listeners,
                  operationDeadline,
                  random),
              clients,
              region,
              credentialsProvider,
              allModules()));
    }

    /** The registered modules, then those found on the class path, each kind once. */
    private List<KitModule> allModules() {
      Map<Class<?>, KitModule> byClass = new LinkedHashMap<>();
      modules.forEach(module -> byClass.putIfAbsent(module.getClass(), module));
      if (discoverModules) {
        ServiceLoader.load(KitModule.class)
            .forEach(module -> byClass.putIfAbsent(module.getClass(), module));
      }
      return List.copyOf(byClass.values());
    }
  }
}
