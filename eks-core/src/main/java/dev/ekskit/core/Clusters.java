package dev.ekskit.core;

import dev.ekskit.core.internal.AuthTokens;
import dev.ekskit.core.internal.CascadeDelete;
import dev.ekskit.core.internal.ClusterCreation;
import dev.ekskit.core.internal.ClusterMapping;
import dev.ekskit.core.internal.ClusterSpecRules;
import dev.ekskit.core.internal.ClusterUpdates;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.Kubeconfig;
import dev.ekskit.core.internal.versions.VersionFacts;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
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
  private final KitServices kit;

  Clusters(KitServices kit) {
    this.kit = kit;
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

  /**
   * {@link #create(ClusterSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.clusters().create(c -> c.name("orders").roleArn(role).subnetIds(subnets));
   * }</pre>
   */
  public Operation<ClusterInfo> create(Consumer<ClusterSpec.Builder> spec) {
    return create(
        Specs.build("ClusterSpec", ClusterSpec.builder(), spec, ClusterSpec.Builder::build));
  }

  /** {@link #create(ClusterSpec)}, also reporting this operation's events to {@code listener}. */
  public Operation<ClusterInfo> create(ClusterSpec spec, ProgressListener listener) {
    Violations.requireGiven("ClusterSpec", "spec", spec);
    ClusterSpecRules.requireCreatable(spec);
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return start(spec.name(), listener, scope -> ClusterCreation.run(scope, eks, ec2, spec));
  }

  /** Waits until an existing cluster is ACTIVE, e.g. after a process restart. */
  public Operation<ClusterInfo> awaitActive(String name) {
    requireName(name);
    EksClient eks = kit.client(EksClient.class);
    return start(
        name,
        null,
        scope ->
            ClusterWaits.active(scope, eks, scope.policy(WaitKind.RESUME))
                .thenApply(ClusterMapping::info));
  }

  /** The cluster as EKS describes it now, or empty if there is none of that name. Blocks. */
  public Optional<ClusterInfo> describe(String name) {
    requireName(name);
    return ClusterWaits.find(kit.client(EksClient.class), name).map(ClusterMapping::info);
  }

  /**
   * The Kubernetes versions EKS offers now (default, supported, end of standard and extended
   * support), from {@code DescribeClusterVersions}. Blocks.
   */
  public ClusterVersions versions() {
    return VersionFacts.versions(kit.client(EksClient.class));
  }

  /**
   * The cluster's upgrade-readiness insights ({@code ListInsights} of category {@code
   * UPGRADE_READINESS}), each with its recommendation and deprecation details ({@code
   * DescribeInsight}): what to fix before upgrading to the next Kubernetes version. Blocks.
   */
  public List<Insight> upgradeInsights(String name) {
    requireName(name);
    return VersionFacts.upgradeInsights(kit.client(EksClient.class), name);
  }

  /** One insight of the cluster, in full, or empty when EKS knows no such id. Blocks. */
  public Optional<Insight> insight(String name, String insightId) {
    requireName(name);
    EksClient eks = kit.client(EksClient.class);
    return AwsErrors.absentAsEmpty(() -> Optional.of(VersionFacts.insight(eks, name, insightId)));
  }

  /** Changes logging and/or endpoint access and waits for each update to succeed. */
  public Operation<ClusterInfo> updateConfig(String name, ClusterConfigUpdate update) {
    requireName(name);
    Violations.requireGiven("ClusterConfigUpdate", "update", update);
    EksClient eks = kit.client(EksClient.class);
    return start(name, null, scope -> ClusterUpdates.config(scope, eks, update));
  }

  /**
   * {@link #updateConfig(String, ClusterConfigUpdate)} with the update filled in on a fresh
   * builder.
   *
   * <pre>{@code
   * kit.clusters().updateConfig("orders", u -> u.enabledLogTypes(Set.of(LogType.AUDIT))).join();
   * }</pre>
   */
  public Operation<ClusterInfo> updateConfig(
      String name, Consumer<ClusterConfigUpdate.Builder> update) {
    return updateConfig(
        name,
        Specs.build(
            "ClusterConfigUpdate",
            ClusterConfigUpdate.builder(),
            update,
            ClusterConfigUpdate.Builder::build));
  }

  /**
   * Upgrades the control plane to {@code kubernetesVersion}, one minor version above the current
   * one, and waits for the update. Does nothing if the cluster already runs that version.
   */
  public Operation<ClusterInfo> updateVersion(String name, String kubernetesVersion) {
    requireName(name);
    Violations v = new Violations("ClusterVersionUpdate");
    v.kubernetesVersion("kubernetesVersion", kubernetesVersion);
    v.throwIfAny();
    EksClient eks = kit.client(EksClient.class);
    return start(name, null, scope -> ClusterUpdates.version(scope, eks, kubernetesVersion));
  }

  /**
   * Deletes the cluster with its Fargate profiles, node groups and add-ons, waiting for each, and
   * with what the kit's modules made for it that EKS does not delete (their cascade steps). A
   * cluster that does not exist is not an error: the result says nothing was deleted. Safe to run
   * again after a crash: each part is found on its own and "already gone" counts as done.
   */
  public Operation<ClusterDeletion> delete(String name) {
    return delete(name, null);
  }

  /** {@link #delete(String)}, also reporting this operation's events to {@code listener}. */
  public Operation<ClusterDeletion> delete(String name, ProgressListener listener) {
    return delete(name, DeleteOptions.defaults(), listener);
  }

  /**
   * {@link #delete(String)} as {@code options} say: {@link DeleteOptions#keepRoles()} keeps the
   * roles and OIDC provider made for the cluster, and the deadline bounds the whole delete.
   */
  public Operation<ClusterDeletion> delete(
      String name, DeleteOptions options, ProgressListener listener) {
    requireName(name);
    Violations.requireGiven("DeleteOptions", "options", options);
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    List<CascadeStep> steps = kit.cascadeSteps(options);
    steps.forEach(CascadeStep::verify);
    return kit.start(
        ResourceRef.cluster(name),
        listener,
        options.deadline().orElse(kit.engine().operationDeadline()),
        scope -> CascadeDelete.run(scope, eks, ec2, steps));
  }

  /**
   * A fresh token for the Kubernetes API of {@code cluster}, signed with the kit's credentials. No
   * AWS call is made; renew it at {@link EksAuthToken#expiresAt()}.
   */
  public EksAuthToken authToken(ClusterInfo cluster) {
    Violations.requireGiven("ClusterInfo", "cluster", cluster);
    return AuthTokens.create(
        cluster.name(), AuthTokens.regionOf(cluster.arn()), kit.credentials().get(), kit.clock());
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
    Violations.requireGiven("ClusterInfo", "cluster", cluster);
    return Kubeconfig.withAwsCli(cluster);
  }

  private <T> Operation<T> start(
      String name, ProgressListener listener, Function<Scope, CompletableFuture<T>> body) {
    return kit.start(ResourceRef.cluster(name), listener, body);
  }

  private static void requireName(String name) {
    Violations v = new Violations("cluster name");
    v.eksName("name", name, 100);
    v.throwIfAny();
  }
}
