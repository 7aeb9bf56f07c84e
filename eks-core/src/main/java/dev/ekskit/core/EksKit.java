package dev.ekskit.core;

import dev.ekskit.core.internal.CascadeParts;
import dev.ekskit.core.internal.Engine;
import dev.ekskit.core.internal.KitAccess;
import dev.ekskit.core.internal.KitResources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

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
 * <p>{@link #create()} uses the standard AWS region and credentials chain and honours {@code
 * AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_EKS} as the SDK does. Pass your own clients,
 * scheduler, executor and clock to share them or to test on a simulated AWS (see {@code
 * dev.ekskit.testkit}); ekskit never closes what you pass in, and closes what it made.
 */
public final class EksKit implements AutoCloseable {
  static {
    KitAccess.install(kit -> kit.resources);
  }

  private final KitResources resources;
  private final Clusters clusters;

  private EksKit(KitResources resources) {
    this.resources = resources;
    this.clusters =
        new Clusters(
            resources.engine(),
            resources.eks(),
            resources.ec2(),
            resources.credentials(),
            resources.cascadeParts());
  }

  /** A kit on the default AWS region and credentials chain. */
  public static EksKit create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Clusters clusters() {
    return clusters;
  }

  /** The EKS client this kit uses. */
  public EksClient eksClient() {
    return resources.eks();
  }

  /** The EC2 client this kit uses. */
  public Ec2Client ec2Client() {
    return resources.ec2();
  }

  /** Closes the clients and threads this kit made; running operations stop. */
  @Override
  public void close() {
    resources.close();
  }

  /** Settings of an {@link EksKit}; everything is optional. */
  public static final class Builder {
    private Region region;
    private AwsCredentialsProvider credentialsProvider;
    private EksClient eks;
    private Ec2Client ec2;
    private Clock clock;
    private ScheduledExecutorService scheduler;
    private Executor executor;
    private final Map<String, PollingPolicy> policies = new HashMap<>();
    private PollingPolicy pollingOverride;
    private RetrySettings retry = RetrySettings.defaults();
    private final List<ProgressListener> listeners = new ArrayList<>();
    private Duration operationDeadline = Duration.ofHours(2);
    private Random random = new Random();

    private Builder() {}

    /**
     * Credentials for the clients the kit builds and for {@link Clusters#authToken} tokens; the
     * default chain (or, for tokens, the EKS client's own provider) when unset.
     */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = provider;
      return this;
    }

    /** The region for clients the kit builds; the default chain decides when unset. */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    public Builder eksClient(EksClient client) {
      this.eks = client;
      return this;
    }

    public Builder ec2Client(Ec2Client client) {
      this.ec2 = client;
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

    /** Runs the blocking AWS calls; a small bounded pool by default. */
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

    public Builder retry(RetrySettings settings) {
      this.retry = settings;
      return this;
    }

    public Builder addListener(ProgressListener listener) {
      listeners.add(listener);
      return this;
    }

    /** The longest any one operation may take, all its steps together; 2 hours by default. */
    public Builder operationDeadline(Duration deadline) {
      this.operationDeadline = deadline;
      return this;
    }

    /** Seeds the jitter of polling, for reproducible tests. */
    public Builder jitterSeed(long seed) {
      this.random = new Random(seed);
      return this;
    }

    public EksKit build() {
      KitResources.Defaults made = new KitResources.Defaults(region, credentialsProvider);
      Engine engine =
          new Engine(
              clock != null ? clock : Clock.systemUTC(),
              scheduler != null ? scheduler : made.scheduler(),
              executor != null ? executor : made.executor(),
              policies,
              pollingOverride,
              retry,
              listeners,
              operationDeadline,
              random);
      EksClient eksClient = eks != null ? eks : made.eks();
      return new EksKit(
          new KitResources(
              engine,
              eksClient,
              ec2 != null ? ec2 : made.ec2(),
              made.credentials(eksClient),
              new CascadeParts(),
              made));
    }
  }
}
