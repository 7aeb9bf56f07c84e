package dev.ekskit.core.internal.identity;

import dev.ekskit.core.OidcProviderInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.Steps;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.iam.IamClient;

/** The IRSA work of {@link dev.ekskit.core.Irsa}: the cluster's OIDC provider and its roles. */
public final class IrsaOperations {
  private IrsaOperations() {}

  public static ResourceRef providerRef(String cluster) {
    return OidcProviders.ref(cluster);
  }

  /** Waits until the cluster is ACTIVE (its issuer exists from then), then creates or adopts. */
  public static CompletableFuture<OidcProviderInfo> createOidcProvider(
      Scope scope, EksClient eks, IamClient iam, String cluster) {
    return ActiveCluster.await(scope, eks, cluster)
        .thenCompose(
            active ->
                OidcProviders.createOrAdopt(
                    providerScope(scope, cluster), iam, cluster, issuer(active)));
  }

  /** The cluster's provider first (created if missing), then the role trusting it. */
  public static CompletableFuture<RoleInfo> createServiceAccountRole(
      Scope scope, EksClient eks, IamClient iam, ServiceAccountRoleSpec spec) {
    String cleanup = RoleOperations.cleanup(spec.role().name());
    return createOidcProvider(scope, eks, iam, spec.clusterName())
        .thenCompose(
            provider ->
                RoleCreation.run(
                    scope,
                    iam,
                    RolePlans.irsa(
                        spec, provider.arn(), OidcProviders.hostAndPath(provider.issuerUrl())),
                    new Parts(scope, cleanup),
                    cleanup));
  }

  /** Deletes the providers ekskit made for the cluster; true when this run deleted one. */
  public static CompletableFuture<Boolean> deleteOidcProvider(
      Scope scope, IamClient iam, String cluster) {
    return scope
        .call(Steps.find("OIDC providers"), () -> OidcProviders.madeFor(iam, cluster))
        .thenCompose(arns -> deleteAll(scope, iam, arns))
        .thenApply(deleted -> !deleted.isEmpty());
  }

  /** Deletes each provider; the ARNs this run deleted. */
  static CompletableFuture<List<String>> deleteAll(Scope scope, IamClient iam, List<String> arns) {
    return scope
        .sequence(
            arns,
            arn ->
                scope
                    .call("delete OIDC provider", () -> OidcProviders.delete(iam, arn))
                    .thenApply(deleted -> deleted ? Optional.of(arn) : Optional.<String>empty()))
        .thenApply(deleted -> deleted.stream().flatMap(Optional::stream).toList());
  }

  /** The cluster's provider, or empty when the cluster or its provider does not exist. Blocks. */
  public static Optional<OidcProviderInfo> describe(EksClient eks, IamClient iam, String cluster) {
    return ClusterWaits.find(eks, cluster)
        .map(IrsaOperations::issuerOrNull)
        .flatMap(issuer -> OidcProviders.find(iam, issuer));
  }

  private static Scope providerScope(Scope scope, String cluster) {
    ResourceRef ref = OidcProviders.ref(cluster);
    return scope.resource().equals(ref) ? scope : scope.child(ref);
  }

  private static String issuer(Cluster cluster) {
    return cluster.identity().oidc().issuer();
  }

  private static String issuerOrNull(Cluster cluster) {
    return cluster.identity() == null || cluster.identity().oidc() == null
        ? null
        : cluster.identity().oidc().issuer();
  }
}
