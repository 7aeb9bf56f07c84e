package dev.ekskit.core;

import dev.ekskit.core.internal.AuthTokens;
import dev.ekskit.core.internal.CascadeDelete;
import dev.ekskit.core.internal.CascadeParts;
import dev.ekskit.core.internal.ClusterCreation;
import dev.ekskit.core.internal.ClusterMapping;
import dev.ekskit.core.internal.ClusterSpecRules;
import dev.ekskit.core.internal.ClusterUpdates;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.internal.DefaultOperation;
import dev.ekskit.core.internal.Engine;
import dev.ekskit.core.internal.Kubeconfig;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.Violations;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The lifecycle of EKS clusters: create or adopt, wait, update, delete with everything attached.
 * Get it from {@link EksKit#clusters()}. Every method that changes AWS returns an {@link Operation}
 * at once; bad input throws {@link InvalidSpecException} before any AWS call.
 *
 * <pre>{@code
 * Clusters clusters = kit.clusters();
 * ClusterInfo orders = clusters.create(spec).await(Duration.ofMinutes(40));
 * clusters.updateVersion("orders", "1.34").join();
 * ClusterDeletion removed = clusters.delete("orders").join();
 * }</pre>
 */
public final class Clusters {
  private final Engine engine;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final Supplier<AwsCredentialsIdentity> credentials;
  private final CascadeParts cascadeParts;

  Clusters(
      Engine engine,
      EksClient eks,
      Ec2Client ec2,
      Supplier<AwsCredentialsIdentity> credentials,
      CascadeParts cascadeParts) {
    this.engine = engine;
    this.eks = eks;
    this.ec2 = ec2;
    this.credentials = credentials;
    this.cascadeParts = cascadeParts;
  }

  /**
   * Creates the cluster and waits until it is ACTIVE. First checks the subnets against the account.
   * If a cluster of that name exists and matches the spec, adopts it (and waits for it); if it
   * differs, fails with a {@link ConflictException} listing the differences. Safe to run again
   * after a crash: the second run adopts what the first created.
   */
  public Operation<ClusterInfo> create(ClusterSpec spec) {
    return create(spec, null);
  }

  /** {@link #create(ClusterSpec)}, also reporting this operation's events to {@code listener}. */
  public Operation<ClusterInfo> create(ClusterSpec spec, ProgressListener listener) {
    return start(spec.name(), listener, context -> ClusterCreation.run(context, eks, ec2, spec));
  }

  /** Waits until an existing cluster is ACTIVE, e.g. after a process restart. */
  public Operation<ClusterInfo> awaitActive(String name) {
    requireName(name);
    return start(
        name,
        null,
        context ->
            ClusterWaits.active(context, eks, context.resource(), engine.policy(WaitKind.RESUME))
                .thenApply(ClusterMapping::info));
  }

  /** The cluster as EKS describes it now, or empty if there is none of that name. Blocks. */
  public Optional<ClusterInfo> describe(String name) {
    requireName(name);
    return ClusterWaits.find(eks, name).map(ClusterMapping::info);
  }

  /** Changes logging and/or endpoint access and waits for each update to succeed. */
  public Operation<ClusterInfo> updateConfig(String name, ClusterConfigUpdate update) {
    requireName(name);
    return start(name, null, context -> ClusterUpdates.config(context, eks, update));
  }

  /**
   * Upgrades the control plane to {@code kubernetesVersion}, one minor version above the current
   * one, and waits for the update. Does nothing if the cluster already runs that version.
   */
  public Operation<ClusterInfo> updateVersion(String name, String kubernetesVersion) {
    requireName(name);
    Violations v = new Violations("ClusterVersionUpdate");
    v.matches(
        "kubernetesVersion",
        kubernetesVersion,
        ClusterSpecRules.KUBERNETES_VERSION,
        "major.minor such as 1.34");
    v.throwIfAny();
    return start(name, null, context -> ClusterUpdates.version(context, eks, kubernetesVersion));
  }

  /**
   * Deletes the cluster with its Fargate profiles, node groups and add-ons, waiting for each. A
   * cluster that does not exist is not an error: the result says nothing was deleted. Self-managed
   * node groups, which EKS does not know about, are deleted too when a {@code Nodegroups} (module
   * eks-nodes) is open for this kit; otherwise, while their instances run, the delete is refused
   * with an {@link InvalidSpecException} before anything is deleted.
   */
  public Operation<ClusterDeletion> delete(String name) {
    return delete(name, null);
  }

  /** {@link #delete(String)}, also reporting this operation's events to {@code listener}. */
  public Operation<ClusterDeletion> delete(String name, ProgressListener listener) {
    requireName(name);
    return start(
        name, listener, context -> CascadeDelete.run(context, eks, ec2, cascadeParts.all()));
  }

  /**
   * A fresh token for the Kubernetes API of {@code cluster}, signed with the kit's credentials. No
   * AWS call is made; renew it at {@link EksAuthToken#expiresAt()}.
   */
  public EksAuthToken authToken(ClusterInfo cluster) {
    return AuthTokens.create(
        cluster.name(), AuthTokens.regionOf(cluster.arn()), credentials.get(), engine.clock());
  }

  /**
   * A kubeconfig for an ACTIVE cluster with a token embedded: for a service that talks to the
   * cluster at once. The token expires after about 15 minutes, so keep the file out of logs and
   * disks, and make a new one when it does.
   */
  public String kubeconfig(ClusterInfo cluster) {
    return Kubeconfig.withToken(cluster, authToken(cluster).value());
  }

  /** A kubeconfig for people and CI: it runs {@code aws eks get-token} for each new token. */
  public String kubeconfigForAwsCli(ClusterInfo cluster) {
    return Kubeconfig.withAwsCli(cluster);
  }

  private <T> Operation<T> start(
      String name,
      ProgressListener listener,
      java.util.function.Function<OperationContext, java.util.concurrent.CompletableFuture<T>>
          body) {
    return DefaultOperation.start(
        new OperationContext(engine, ResourceRef.cluster(name), listener), body);
  }

  private static void requireName(String name) {
    Violations v = new Violations("cluster name");
    v.eksName("name", name, 100);
    v.throwIfAny();
  }
}
