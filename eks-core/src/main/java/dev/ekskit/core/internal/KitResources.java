package dev.ekskit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/** The engine and clients of a kit, and which of them the kit made and so must close. */
public record KitResources(
    Engine engine,
    EksClient eks,
    Ec2Client ec2,
    Supplier<AwsCredentialsIdentity> credentials,
    CascadeParts cascadeParts,
    Defaults made)
    implements AutoCloseable {

  @Override
  public void close() {
    engine.stopAll();
    made.close();
  }

  /**
   * Builds defaults on demand and remembers them for closing. Clients come from the SDK's default
   * chains, which honour {@code AWS_ENDPOINT_URL(_EKS/_EC2)} and {@code aws.endpointUrl*}
   * properties.
   */
  public static final class Defaults implements AutoCloseable {
    /** Blocking AWS calls in flight at once; waits hold no thread, so a few suffice. */
    private static final int CALL_THREADS = 4;

    private final Region region;
    private final AwsCredentialsProvider credentialsProvider;
    private AwsCredentialsProvider defaultChain;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    public Defaults(Region region, AwsCredentialsProvider credentialsProvider) {
      this.region = region;
      this.credentialsProvider = credentialsProvider;
    }

    public EksClient eks() {
      return remember(configured(EksClient.builder()).build());
    }

    public Ec2Client ec2() {
      return remember(configured(Ec2Client.builder()).build());
    }

    private synchronized AwsCredentialsProvider defaultChain() {
      if (defaultChain == null) {
        defaultChain = remember(DefaultCredentialsProvider.builder().build());
      }
      return defaultChain;
    }

    /**
     * {@code builder} with the kit's region and credentials provider where the kit was given them,
     * so that clients other modules make talk to the same account and region as the kit.
     */
    public <B extends AwsClientBuilder<B, ?>> B configured(B builder) {
      if (region != null) {
        builder.region(region);
      }
      if (credentialsProvider != null) {
        builder.credentialsProvider(credentialsProvider);
      }
      return builder;
    }

    /**
     * Credentials to sign tokens with, resolved only when one is asked for: the kit's provider,
     * else the EKS client's own, else the default chain.
     */
    public Supplier<AwsCredentialsIdentity> credentials(EksClient eks) {
      return () -> {
        if (credentialsProvider != null) {
          return credentialsProvider.resolveCredentials();
        }
        try {
          return eks.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
        } catch (UnsupportedOperationException e) {
          // A simulated or hand-written client has no configuration: use the default chain.
          return defaultChain().resolveCredentials();
        }
      };
    }

    public ScheduledExecutorService scheduler() {
      ScheduledThreadPoolExecutor scheduler =
          new ScheduledThreadPoolExecutor(1, daemon("ekskit-scheduler"));
      scheduler.setRemoveOnCancelPolicy(true);
      return remember(scheduler);
    }

    public ExecutorService executor() {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              CALL_THREADS,
              CALL_THREADS,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              daemon("ekskit-aws"));
      pool.allowCoreThreadTimeOut(true);
      return remember(pool);
    }

    private <T> T remember(T resource) {
      if (resource instanceof ExecutorService executor) {
        toClose.add(executor::shutdownNow);
      } else if (resource instanceof AutoCloseable closeable) {
        toClose.add(closeable);
      }
      return resource;
    }

    @Override
    public void close() {
      toClose.forEach(
          resource -> {
            try {
              resource.close();
            } catch (Exception e) {
              org.slf4j.LoggerFactory.getLogger(KitResources.class)
                  .debug("closing {} failed", resource, e);
            }
          });
    }

    private static ThreadFactory daemon(String prefix) {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory base = Executors.defaultThreadFactory();
      return runnable -> {
        Thread thread = base.newThread(runnable);
        thread.setName(prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }
}
