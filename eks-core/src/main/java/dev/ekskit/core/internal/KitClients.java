package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.spi.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every AWS client of a kit. Clients given to the builder are used as they are (behind a proxy that
 * names ekskit in the user agent) and never closed. A kit given no client makes each one on first
 * use from one region and credentials chain, with the SDK's standard retries and ekskit's user
 * agent, and closes them with the kit. A kit given any client makes none: a simulated or test kit
 * can never fall back to the default chain and reach a real account.
 */
final class KitClients implements AutoCloseable {
  private static final Map<Class<?>, String> BUILDER_METHODS =
      Map.of(
          EksClient.class, "eksClient(...)",
          Ec2Client.class, "ec2Client(...)",
          IamClient.class, "iamClient(...)",
          StsClient.class, "stsClient(...)");

  private final Map<Class<?>, SdkClient> given;
  private final Region region;
  private final AwsCredentialsProvider credentialsProvider;
  private final Map<Class<?>, SdkClient> made = new ConcurrentHashMap<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private DefaultCredentialsProvider defaultChain;

  KitClients(
      Map<Class<? extends SdkClient>, SdkClient> given,
      Region region,
      AwsCredentialsProvider credentialsProvider) {
    this.given = new ConcurrentHashMap<>();
    given.forEach((type, client) -> this.given.put(type, wrap(type, client)));
    this.region = region;
    this.credentialsProvider = credentialsProvider;
  }

  private static <T extends SdkClient> T wrap(Class<T> type, SdkClient client) {
    return ReadMemo.wrap(type, UserAgent.wrap(type, type.cast(client)));
  }

  /** True when the builder was given at least one client. */
  boolean explicit() {
    return !given.isEmpty();
  }

  <T extends SdkClient> T get(Class<T> type) {
    SdkClient client = given.get(type);
    if (client == null) {
      if (explicit()) {
        new Violations("EksKit")
            .add(
                builderMethod(type),
                "client-required",
                "this kit was given AWS clients explicitly, so it makes none from the default"
                    + " chain, and it has no "
                    + type.getSimpleName()
                    + ": pass one with EksKit.builder()."
                    + builderMethod(type))
            .throwIfAny();
      }
      client = made.computeIfAbsent(type, missing -> ReadMemo.wrap(type, type.cast(make(missing))));
    }
    return type.cast(client);
  }

  static String builderMethod(Class<?> type) {
    return BUILDER_METHODS.getOrDefault(type, "client(" + type.getSimpleName() + ".class, ...)");
  }

  /** {@code type}'s builder from its static {@code builder()}, set up as every kit client is. */
  private SdkClient make(Class<?> type) {
    AwsClientBuilder<?, ?> builder;
    try {
      builder = (AwsClientBuilder<?, ?>) type.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(type.getName() + " is not an AWS SDK v2 client", e);
    }
    if (region != null) {
      builder.region(region);
    }
    if (credentialsProvider != null) {
      builder.credentialsProvider(credentialsProvider);
    }
    builder.overrideConfiguration(
        ClientOverrideConfiguration.builder()
            .retryStrategy(RetryMode.STANDARD)
            .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, UserAgent.SUFFIX)
            .build());
    SdkClient client = (SdkClient) builder.build();
    synchronized (toClose) {
      toClose.add(client);
    }
    return client;
  }

  /**
   * Credentials to sign EKS tokens with, resolved only when one is asked for: the kit's provider;
   * else the given EKS client's own; else, for a kit that makes its clients, the default chain.
   */
  Supplier<AwsCredentialsIdentity> credentials() {
    return () -> {
      if (credentialsProvider != null) {
        return resolved(credentialsProvider, "the kit's credentials provider");
      }
      if (!explicit()) {
        return resolved(defaultChain(), "the default credentials chain");
      }
      try {
        return get(EksClient.class)
            .serviceClientConfiguration()
            .credentialsProvider()
            .resolveIdentity()
            .join();
      } catch (UnsupportedOperationException e) {
        new Violations("EksKit")
            .add(
                "credentialsProvider",
                "required",
                "the kit's EKS client has no credentials of its own to sign tokens with: pass"
                    + " them with EksKit.builder().credentialsProvider(...)")
            .throwIfAny();
        throw e;
      }
    };
  }

  /** The credentials now; a provider that has none is the kit's typed error, not the SDK's. */
  private static AwsCredentialsIdentity resolved(AwsCredentialsProvider provider, String which) {
    try {
      return provider.resolveCredentials();
    } catch (SdkException e) {
      throw new EksKitException(
          "No AWS credentials to sign an EKS token with: "
              + which
              + " found none. Configure the default chain (environment, profile, container or"
              + " instance role) or pass EksKit.builder().credentialsProvider(...)",
          e);
    }
  }

  private synchronized AwsCredentialsProvider defaultChain() {
    if (defaultChain == null) {
      defaultChain = DefaultCredentialsProvider.builder().build();
      synchronized (toClose) {
        toClose.add(defaultChain);
      }
    }
    return defaultChain;
  }

  @Override
  public void close() {
    synchronized (toClose) {
      toClose.forEach(
          resource -> {
            try {
              resource.close();
            } catch (Exception e) {
              LoggerFactory.getLogger(KitClients.class).debug("closing {} failed", resource, e);
            }
          });
      toClose.clear();
    }
  }
}
