package dev.ekskit.simulator.moto;

import dev.ekskit.simulator.moto.internal.MotoProcess;
import dev.ekskit.simulator.moto.internal.PythonFinder;
import dev.ekskit.simulator.moto.internal.Readiness;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The moto AWS emulator shared by all tests of a JVM, and the way to point SDK clients at it.
 *
 * <p>The endpoint comes from the system property {@code moto.endpoint}, else the environment
 * variable {@code EKSKIT_MOTO_ENDPOINT}, else this class starts moto itself with the bundled
 * launcher (a Python 3 with moto installed: {@code python3} on the PATH, or pyenv's shim) and stops
 * it when the JVM exits. Either way moto carries ekskit's seeds: EKS-optimized, Bottlerocket and
 * Windows AMIs with their SSM public parameters, and AWS-managed IAM policies.
 *
 * <p>Accounts isolate tests from each other without resetting moto (a reset costs seconds):
 *
 * <pre>{@code
 * MotoServer moto = MotoServer.shared();
 * String accountId = moto.newAccountId();
 * try (EksClient eks = moto.client(EksClient.builder(), accountId)) {
 *     eks.listClusters();   // sees only this account's clusters
 * }
 * }</pre>
 *
 * In JUnit 5 tests, prefer {@link MotoTest @MotoTest}, which injects a {@link MotoAccount}.
 */
public final class MotoServer {
  /** System property naming a running moto server, for example {@code http://127.0.0.1:5000}. */
  public static final String ENDPOINT_PROPERTY = "moto.endpoint";

  /** Environment variable naming a running moto server; {@code .ci/run} sets it. */
  public static final String ENDPOINT_ENV = "EKSKIT_MOTO_ENDPOINT";

  static final String ACCOUNT_HEADER = "x-moto-account-id";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);

  private final URI endpoint;
  private final Set<String> issuedAccounts = ConcurrentHashMap.newKeySet();

  private MotoServer(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The server for this JVM, found or started on first use.
   *
   * @throws IllegalStateException if moto is neither configured nor installed, or does not start
   */
  public static MotoServer shared() {
    return Holder.get();
  }

  /** Base URI of the emulator, for {@code endpointOverride}. */
  public URI endpoint() {
    return endpoint;
  }

  /** A 12-digit account id not handed out before by this JVM; moto creates it on first use. */
  public String newAccountId() {
    while (true) {
      String id =
          Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
      // Random rather than sequential: test JVMs of several modules may share one server.
      if (!id.equals("123456789012") && issuedAccounts.add(id)) {
        return id;
      }
    }
  }

  /** A fresh account on this server, with a factory for its clients. */
  public MotoAccount newAccount() {
    return new MotoAccount(this, newAccountId());
  }

  /**
   * Configures {@code builder} for moto and builds the client: static credentials, region
   * us-east-1, the emulator's endpoint, the account header, and retries without backoff (a default
   * throttling backoff costs over a second per injected fault). Other settings already on the
   * builder's override configuration are kept.
   *
   * @param builder any sync or async SDK client builder, such as {@code EksClient.builder()}
   * @param accountId the account the client acts in, usually from {@link #newAccountId()}
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String accountId) {
    return client(builder, accountId, endpoint);
  }

  /**
   * As {@link #client(AwsClientBuilder, String)}, but sending to {@code via}: a proxy in front of
   * the emulator that injects faults on the wire, such as WireMock proxying to {@link #endpoint()}.
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String accountId, URI via) {
    return builder
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .region(Region.US_EAST_1)
        .endpointOverride(via)
        .overrideConfiguration(
            builder.overrideConfiguration().toBuilder()
                .putHeader(ACCOUNT_HEADER, accountId)
                .retryStrategy(immediateRetries())
                .build())
        .build();
  }

  private static RetryStrategy immediateRetries() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
        // No retry quota: many injected faults in one test must not make later calls fail fast.
        .circuitBreakerEnabled(false)
        .build();
  }

  private static MotoServer locate() {
    Instant started = Instant.now();
    Optional<URI> configured = configuredEndpoint();
    URI endpoint;
    if (configured.isPresent()) {
      endpoint = configured.get();
      Readiness.awaitReady(endpoint, started.plus(STARTUP_TIMEOUT));
    } else {
      String python =
          PythonFinder.findPythonWithMoto()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "moto is not available: no "
                              + ENDPOINT_PROPERTY
                              + " system property, no "
                              + ENDPOINT_ENV
                              + " variable, and none of "
                              + PythonFinder.candidates()
                              + " can 'import moto.server' (pip install 'moto[server]')"));
      endpoint = MotoProcess.start(python, STARTUP_TIMEOUT).endpoint();
    }
    LOG.info(
        "moto at {} ({}) ready in {} ms",
        endpoint,
        configured.isPresent() ? "configured" : "started",
        Duration.between(started, Instant.now()).toMillis());
    return new MotoServer(endpoint);
  }

  private static Optional<URI> configuredEndpoint() {
    // The build passes an empty moto.endpoint property when none is set, so blank means unset.
    String value = System.getProperty(ENDPOINT_PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENDPOINT_ENV);
    }
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(URI.create(value.trim()));
  }

  /** Locates once per JVM; a failure is remembered so every test reports the same cause quickly. */
  private static final class Holder {
    private static MotoServer server;
    private static IllegalStateException failure;

    static synchronized MotoServer get() {
      if (server == null && failure == null) {
        try {
          server = locate();
        } catch (RuntimeException e) {
          failure =
              e instanceof IllegalStateException ise
                  ? ise
                  : new IllegalStateException("moto could not be started: " + e, e);
        }
      }
      if (failure != null) {
        throw new IllegalStateException(failure.getMessage(), failure);
      }
      return server;
    }
  }
}
