package dev.ekskit.core;

import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.internal.identity.PodIdentityOperations;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * EKS Pod Identity: which IAM role the pods of a Kubernetes service account get. Get it from {@link
 * EksKit#podIdentity()}; it uses the kit's EKS client, and its IAM client for the roles it makes.
 *
 * <pre>{@code
 * PodIdentityAssociationInfo checkout = kit.podIdentity().associate(
 *     PodIdentityAssociationSpec.builder()
 *         .clusterName("orders").namespace("shop").serviceAccount("checkout")
 *         .role(r -> r.name("orders-checkout")
 *                     .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonSQSFullAccess"))
 *         .build())
 *     .join();
 * kit.podIdentity().delete("orders", "shop", "checkout").join();   // and the role it made
 * }</pre>
 *
 * <p>The {@code eks-pod-identity-agent} add-on must run on the nodes for pods to get credentials:
 * {@link #associate} installs it first when it is missing (EKS's default version, waited until
 * ACTIVE; Auto Mode clusters have it built in). For IRSA, the older mechanism, see {@link Irsa}.
 * Associations go with their cluster; roles ekskit made for them are deleted by {@link
 * Clusters#delete} too.
 */
public final class PodIdentity {
  private final KitServices kit;

  PodIdentity(KitServices kit) {
    this.kit = kit;
  }

  /**
   * Creates the association, after the agent add-on and the role when the spec asks for one. Run
   * again after a crash or a lost answer it adopts what exists: the role if ekskit made it for this
   * service account, the association if it grants the same role (else a {@link ConflictException}).
   * Waits for the cluster to be ACTIVE first.
   */
  public Operation<PodIdentityAssociationInfo> associate(PodIdentityAssociationSpec spec) {
    Violations.requireGiven("PodIdentityAssociationSpec", "spec", spec);
    EksClient eks = kit.client(EksClient.class);
    IamClient iam = spec.role().isPresent() ? kit.client(IamClient.class) : null;
    return kit.start(
        PodIdentityOperations.ref(spec.clusterName(), spec.namespace(), spec.serviceAccount()),
        null,
        scope -> PodIdentityOperations.associate(scope, eks, iam, spec));
  }

  /**
   * {@link #associate(PodIdentityAssociationSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.podIdentity().associate(a -> a.clusterName("orders").namespace("orders").serviceAccount("api").roleArn(role));
   * }</pre>
   */
  public Operation<PodIdentityAssociationInfo> associate(
      Consumer<PodIdentityAssociationSpec.Builder> spec) {
    return associate(
        Specs.build(
            "PodIdentityAssociationSpec",
            PodIdentityAssociationSpec.builder(),
            spec,
            PodIdentityAssociationSpec.Builder::build));
  }

  /** The service account's association, or empty if it has none. Blocks. */
  public Optional<PodIdentityAssociationInfo> describe(
      String clusterName, String namespace, String serviceAccount) {
    IdentityRules.requireServiceAccount(clusterName, namespace, serviceAccount);
    return PodIdentityOperations.describe(
        kit.client(EksClient.class), clusterName, namespace, serviceAccount);
  }

  /** Every association of the cluster; empty when the cluster does not exist. Blocks. */
  public List<PodIdentityAssociationInfo> list(String clusterName) {
    IdentityRules.requireClusterName(clusterName);
    return PodIdentityOperations.list(kit.client(EksClient.class), clusterName);
  }

  /**
   * Gives the service account's pods another role. The role the association had stays; delete it
   * with {@link Roles#delete} if ekskit made it and nothing else uses it.
   */
  public Operation<PodIdentityAssociationInfo> update(
      String clusterName, String namespace, String serviceAccount, String roleArn) {
    IdentityRules.requireServiceAccount(clusterName, namespace, serviceAccount);
    Violations v = new Violations("PodIdentity.update");
    v.roleArn("roleArn", roleArn);
    v.throwIfAny();
    EksClient eks = kit.client(EksClient.class);
    return kit.start(
        PodIdentityOperations.ref(clusterName, namespace, serviceAccount),
        null,
        scope ->
            PodIdentityOperations.update(
                scope, eks, clusterName, namespace, serviceAccount, roleArn));
  }

  /**
   * Deletes the association, then the role ekskit made for it (a role you gave stays). Completes
   * with false when there was neither. Safe to run again after a crash.
   */
  public Operation<Deleted> delete(String clusterName, String namespace, String serviceAccount) {
    IdentityRules.requireServiceAccount(clusterName, namespace, serviceAccount);
    EksClient eks = kit.client(EksClient.class);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        PodIdentityOperations.ref(clusterName, namespace, serviceAccount),
        null,
        scope ->
            PodIdentityOperations.delete(scope, eks, iam, clusterName, namespace, serviceAccount)
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }
}
