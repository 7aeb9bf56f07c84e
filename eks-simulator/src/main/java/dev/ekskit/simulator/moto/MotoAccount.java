package dev.ekskit.simulator.moto;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * One fresh, empty AWS account on the shared {@link MotoServer}, and a factory for its clients.
 *
 * <pre>{@code
 * @MotoTest
 * class ClusterLifecycleTest {
 *     private final EksClient eks;
 *     private final Ec2Client ec2;
 *
 *     ClusterLifecycleTest(MotoAccount account) {   // one account per test class
 *         eks = account.client(EksClient.builder());
 *         ec2 = account.client(Ec2Client.builder());
 *     }
 * }
 * }</pre>
 *
 * Clients built here are closed by {@link #close()}; {@link MotoExtension} calls it after the test
 * class.
 */
public final class MotoAccount implements AutoCloseable {
  private final MotoServer server;
  private final String accountId;
  private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

  MotoAccount(MotoServer server, String accountId) {
    this.server = server;
    this.accountId = accountId;
  }

  /** Base URI of the emulator. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** The 12-digit account id every client of this account sends. */
  public String accountId() {
    return accountId;
  }

  /**
   * Builds a sync or async client acting in this account, configured as by {@link
   * MotoServer#client(AwsClientBuilder, String)}.
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return clientThrough(builder, server.endpoint());
  }

  /**
   * A client acting in this account that sends through {@code proxy}, a fault-injecting proxy in
   * front of the emulator; closed with this account.
   */
  public <B extends AwsClientBuilder<B, C>, C> C clientThrough(B builder, URI proxy) {
    C client = server.client(builder, accountId, proxy);
    if (client instanceof AutoCloseable closeable) {
      clients.add(closeable);
    }
    return client;
  }

  /** Closes the clients built by {@link #client(AwsClientBuilder)}; the account's data stays. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        failure =
            failure == null ? new IllegalStateException("Could not close a client", e) : failure;
      }
    }
    clients.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "MotoAccount[" + accountId + " at " + server.endpoint() + "]";
  }
}
