package dev.ekskit.core;

import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.identity.IamRoles;
import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.internal.identity.IrsaOperations;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * IAM roles for service accounts (IRSA): the cluster's OIDC issuer as an IAM OpenID Connect
 * provider, and roles that trust it for one service account each. Get it from {@link
 * EksKit#irsa()}; it uses the kit's EKS and IAM clients. New workloads are simpler with {@link
 * PodIdentity}; IRSA is for what needs it (add-ons and tools that predate Pod Identity, clusters
 * without the agent).
 *
 * <pre>{@code
 * RoleInfo ebs = kit.irsa().createServiceAccountRole(ServiceAccountRoleSpec.builder()
 *         .clusterName("orders").namespace("kube-system").serviceAccount("ebs-csi-controller-sa")
 *         .role(r -> r.name("orders-ebs-csi").addManagedPolicyArns(
 *             "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"))
 *         .build())
 *     .join();
 * // annotate the service account: eks.amazonaws.com/role-arn: <ebs.arn()>
 * }</pre>
 *
 * <p>The provider is made once per cluster, without a thumbprint (IAM fetches and no longer relies
 * on one for EKS's issuers), with the audience {@code sts.amazonaws.com}, tagged with the cluster.
 * A provider that exists already (made by eksctl, say) is used as it is. {@link Clusters#delete}
 * deletes the provider and the roles ekskit made for the cluster; {@link Roles#delete} deletes one
 * role.
 */
public final class Irsa {
  private final KitServices kit;

  Irsa(KitServices kit) {
    this.kit = kit;
  }

  /** Waits for the cluster to be ACTIVE, then creates (or adopts) its OIDC provider. */
  public Operation<OidcProviderInfo> createOidcProvider(String clusterName) {
    IdentityRules.requireClusterName(clusterName);
    EksClient eks = kit.client(EksClient.class);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        IrsaOperations.providerRef(clusterName),
        null,
        scope -> IrsaOperations.createOidcProvider(scope, eks, iam, clusterName));
  }

  /** The cluster's OIDC provider, or empty when it (or the cluster) does not exist. Blocks. */
  public Optional<OidcProviderInfo> describeOidcProvider(String clusterName) {
    IdentityRules.requireClusterName(clusterName);
    return IrsaOperations.describe(
        kit.client(EksClient.class), kit.client(IamClient.class), clusterName);
  }

  /**
   * Creates (or adopts) the role, creating the cluster's OIDC provider first if it is missing. The
   * role trusts only tokens of the spec's service account with the STS audience.
   */
  public Operation<RoleInfo> createServiceAccountRole(ServiceAccountRoleSpec spec) {
    Violations.requireGiven("ServiceAccountRoleSpec", "spec", spec);
    EksClient eks = kit.client(EksClient.class);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        IamRoles.ref(spec.role().name()),
        null,
        scope -> IrsaOperations.createServiceAccountRole(scope, eks, iam, spec));
  }

  /**
   * {@link #createServiceAccountRole(ServiceAccountRoleSpec)} with the spec filled in on a fresh
   * builder.
   *
   * <pre>{@code
   * kit.irsa().createServiceAccountRole(r -> r.clusterName("orders").namespace("kube-system").serviceAccount("ebs").role(role));
   * }</pre>
   */
  public Operation<RoleInfo> createServiceAccountRole(
      Consumer<ServiceAccountRoleSpec.Builder> spec) {
    return createServiceAccountRole(
        Specs.build(
            "ServiceAccountRoleSpec",
            ServiceAccountRoleSpec.builder(),
            spec,
            ServiceAccountRoleSpec.Builder::build));
  }

  /**
   * Deletes the OIDC provider ekskit made for the cluster; one it did not make is left alone.
   * Completes with false when there was none. Roles that trust it stop working: delete them first
   * with {@link Roles#delete}, or delete the whole cluster.
   */
  public Operation<Deleted> deleteOidcProvider(String clusterName) {
    IdentityRules.requireClusterName(clusterName);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        IrsaOperations.providerRef(clusterName),
        null,
        scope ->
            IrsaOperations.deleteOidcProvider(scope, iam, clusterName)
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }
}
