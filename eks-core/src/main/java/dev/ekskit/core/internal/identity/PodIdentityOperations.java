package dev.ekskit.core.internal.identity;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PodIdentityAssociationInfo;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.PodIdentityAssociation;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The work of {@link dev.ekskit.core.PodIdentity}. An association is found by its cluster,
 * namespace and service account (EKS allows one per service account); the role ekskit made for it
 * by its description and tags, so that a delete finds it even after the association is gone.
 */
public final class PodIdentityOperations {
  private PodIdentityOperations() {}

  public static ResourceRef ref(String cluster, String namespace, String serviceAccount) {
    return ResourceRef.child("pod-identity-association", cluster, namespace + "/" + serviceAccount);
  }

  /**
   * Waits until the cluster is ACTIVE, ensures the agent add-on, makes the role if asked, then
   * creates or adopts the association: EKS's 409 means one exists for the service account, which is
   * adopted when it grants the same role. Role and association are the parts of a {@link
   * dev.ekskit.core.PartialCreationException}.
   */
  public static CompletableFuture<PodIdentityAssociationInfo> associate(
      Scope scope, EksClient eks, IamClient iam, PodIdentityAssociationSpec spec) {
    String cleanup = cleanup(spec.clusterName(), spec.namespace(), spec.serviceAccount());
    Parts parts = new Parts(scope, cleanup);
    return ActiveCluster.await(scope, eks, spec.clusterName())
        .thenCompose(cluster -> PodIdentityAgent.ensure(scope, eks, cluster))
        .thenCompose(agent -> roleArn(scope, iam, spec, parts, cleanup))
        .thenCompose(
            roleArn ->
                // No existence check after a failure: an association refused as different (another
                // role) is not ours to report.
                parts.make(
                    scope.resource(),
                    null,
                    () -> association(scope, eks, spec, roleArn, cleanup).run(scope)))
        .thenApply(made -> info(made.resource()));
  }

  /** The spec's role: the one it names, or the one it asks for, made or adopted. */
  public static CompletableFuture<String> roleArn(
      Scope scope, IamClient iam, PodIdentityAssociationSpec spec) {
    String cleanup = cleanup(spec.clusterName(), spec.namespace(), spec.serviceAccount());
    return roleArn(scope, iam, spec, new Parts(scope, cleanup), cleanup);
  }

  private static CompletableFuture<String> roleArn(
      Scope scope, IamClient iam, PodIdentityAssociationSpec spec, Parts parts, String cleanup) {
    return spec.role().isEmpty()
        ? CompletableFuture.completedFuture(spec.roleArn().orElseThrow())
        : RoleCreation.run(
                scope, iam, RolePlans.podIdentity(spec, spec.role().get()), parts, cleanup)
            .thenApply(role -> role.arn());
  }

  /** The association of the service account, or empty (also when the cluster is gone). */
  public static Optional<PodIdentityAssociationInfo> describe(
      EksClient eks, String cluster, String namespace, String serviceAccount) {
    return find(eks, cluster, namespace, serviceAccount).map(PodIdentityOperations::info);
  }

  /** Every association of the cluster, each described; empty when the cluster is gone. */
  public static List<PodIdentityAssociationInfo> list(EksClient eks, String cluster) {
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    eks
                        .listPodIdentityAssociationsPaginator(r -> r.clusterName(cluster))
                        .associations()
                        .stream()
                        .map(s -> describeById(eks, cluster, s.associationId()))
                        .flatMap(Optional::stream)
                        .map(PodIdentityOperations::info)
                        .toList()))
        .orElse(List.of());
  }

  /** Points the association at another role. */
  public static CompletableFuture<PodIdentityAssociationInfo> update(
      Scope scope,
      EksClient eks,
      String cluster,
      String namespace,
      String serviceAccount,
      String roleArn) {
    String token = UUID.randomUUID().toString();
    return scope
        .call(
            Steps.find("association"),
            () ->
                find(eks, cluster, namespace, serviceAccount)
                    .orElseThrow(
                        () ->
                            new EksKitException(
                                scope.resource() + " does not exist: associate it first")))
        .thenCompose(
            existing ->
                scope.call(
                    Steps.UPDATE,
                    () ->
                        eks.updatePodIdentityAssociation(
                                r ->
                                    r.clusterName(cluster)
                                        .associationId(existing.associationId())
                                        .roleArn(roleArn)
                                        .clientRequestToken(token))
                            .association()))
        .thenApply(PodIdentityOperations::info);
  }

  /**
   * Deletes the association (gone already is fine), then the role ekskit made for it, found on its
   * own: a delete stopped in between finishes when run again. Completes with true when this run
   * deleted either.
   */
  public static CompletableFuture<Boolean> delete(
      Scope scope,
      EksClient eks,
      IamClient iam,
      String cluster,
      String namespace,
      String serviceAccount) {
    String description =
        RolePlans.podIdentityDescription(cluster, namespace + "/" + serviceAccount);
    return scope
        .call(
            Steps.DELETE,
            () ->
                find(eks, cluster, namespace, serviceAccount)
                    .map(existing -> deleteById(eks, cluster, existing.associationId()))
                    .orElse(false))
        .thenCompose(
            deletedAssociation ->
                scope
                    .call(
                        Steps.find("role"),
                        () -> IamRoles.madeFor(iam, cluster, description::equals))
                    .thenCompose(
                        roles -> scope.sequence(roles, name -> RoleDeletion.run(scope, iam, name)))
                    .thenApply(roles -> deletedAssociation || roles.contains(true)));
  }

  private static CreateOrAdopt<PodIdentityAssociation> association(
      Scope scope, EksClient eks, PodIdentityAssociationSpec spec, String roleArn, String cleanup) {
    String token = UUID.randomUUID().toString();
    return CreateOrAdopt.<PodIdentityAssociation>builder(scope.resource())
        .what("the Pod Identity association")
        .cleanup(cleanup)
        .steps("create association", "adopt association")
        .create(
            () ->
                eks.createPodIdentityAssociation(
                        r ->
                            r.clusterName(spec.clusterName())
                                .namespace(spec.namespace())
                                .serviceAccount(spec.serviceAccount())
                                .roleArn(roleArn)
                                .clientRequestToken(token)
                                .tags(Tags.forCluster(spec.clusterName(), spec.tags())))
                    .association())
        .describe(
            () ->
                find(eks, spec.clusterName(), spec.namespace(), spec.serviceAccount())
                    .orElseThrow(
                        () ->
                            new EksKitException(
                                "EKS answered that "
                                    + scope.resource()
                                    + " exists, yet does not list it")))
        .differences(
            existing ->
                roleArn.equals(existing.roleArn())
                    ? List.of()
                    : List.of(new FieldDifference("roleArn", roleArn, existing.roleArn())))
        .build();
  }

  private static Optional<PodIdentityAssociation> find(
      EksClient eks, String cluster, String namespace, String serviceAccount) {
    return AwsErrors.absentAsEmpty(
        () ->
            eks
                .listPodIdentityAssociationsPaginator(
                    r -> r.clusterName(cluster).namespace(namespace).serviceAccount(serviceAccount))
                .associations()
                .stream()
                .findFirst()
                .flatMap(summary -> describeById(eks, cluster, summary.associationId())));
  }

  private static Optional<PodIdentityAssociation> describeById(
      EksClient eks, String cluster, String associationId) {
    return AwsErrors.absentAsEmpty(
        () ->
            Optional.of(
                eks.describePodIdentityAssociation(
                        r -> r.clusterName(cluster).associationId(associationId))
                    .association()));
  }

  private static boolean deleteById(EksClient eks, String cluster, String associationId) {
    try {
      eks.deletePodIdentityAssociation(r -> r.clusterName(cluster).associationId(associationId));
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  private static PodIdentityAssociationInfo info(PodIdentityAssociation association) {
    return new PodIdentityAssociationInfo(
        association.clusterName(),
        association.namespace(),
        association.serviceAccount(),
        association.associationId(),
        association.associationArn(),
        association.roleArn(),
        association.tags());
  }

  private static String cleanup(String cluster, String namespace, String serviceAccount) {
    return "remove it with kit.podIdentity().delete(\""
        + cluster
        + "\", \""
        + namespace
        + "\", \""
        + serviceAccount
        + "\")";
  }
}
