package dev.ekskit.core.internal.identity;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Once a cluster is gone, deletes what ekskit made in IAM for it alone: the roles tagged with the
 * cluster (its cluster and node roles when made for it, its Pod Identity and IRSA roles; the Pod
 * Identity associations went with the cluster) and its OIDC provider. Roles you gave and roles made
 * for no cluster are never touched. Everything is found by tags, so a cascade stopped halfway
 * finishes when run again. A kit without an IAM client, or a caller who may not list roles, cannot
 * have made them through this kit: the step then deletes nothing and logs why.
 */
public final class IdentityCascade implements CascadeStep {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityCascade.class);

  /** IAM's mutating calls are throttled early: a few roles at a time. */
  private static final int PARALLEL_ROLES = 4;

  private final KitContext kit;

  public IdentityCascade(KitContext kit) {
    this.kit = kit;
  }

  @Override
  public String kind() {
    return "IAM roles and OIDC providers";
  }

  @Override
  public Stage stage() {
    return Stage.AFTER_CLUSTER;
  }

  @Override
  public CompletableFuture<List<String>> delete(Scope scope, String cluster) {
    Optional<IamClient> iam = iam(cluster);
    if (iam.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return scope
        .call(
            Steps.find("IAM roles"),
            () ->
                unlessDenied(
                    cluster, "roles", () -> IamRoles.madeFor(iam.get(), cluster, d -> true)))
        .thenCompose(roles -> deleteRoles(scope, iam.get(), roles))
        .thenCompose(
            roles ->
                deleteProviders(scope, iam.get(), cluster)
                    .thenApply(
                        providers -> {
                          List<String> names = new ArrayList<>(roles);
                          names.addAll(providers);
                          return names;
                        }));
  }

  /** The names of the roles this run deleted. */
  private static CompletableFuture<List<String>> deleteRoles(
      Scope scope, IamClient iam, List<String> roles) {
    return scope
        .parallel(
            roles,
            PARALLEL_ROLES,
            name ->
                RoleDeletion.run(scope, iam, name)
                    .thenApply(deleted -> deleted ? Optional.of(name) : Optional.<String>empty()))
        .thenApply(deleted -> deleted.stream().flatMap(Optional::stream).toList());
  }

  private CompletableFuture<List<String>> deleteProviders(
      Scope scope, IamClient iam, String cluster) {
    Scope provider = scope.child(OidcProviders.ref(cluster));
    return provider
        .call(
            Steps.find("OIDC providers"),
            () ->
                unlessDenied(cluster, "OIDC providers", () -> OidcProviders.madeFor(iam, cluster)))
        .thenCompose(arns -> IrsaOperations.deleteAll(provider, iam, arns));
  }

  private Optional<IamClient> iam(String cluster) {
    try {
      return Optional.of(kit.client(IamClient.class));
    } catch (InvalidSpecException e) {
      LOG.info(
          "cluster {}: this kit has no IAM client, so no IAM role or provider is deleted", cluster);
      return Optional.empty();
    }
  }

  private static List<String> unlessDenied(
      String cluster, String what, Supplier<List<String>> list) {
    try {
      return list.get();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.ACCESS_DENIED)) {
        throw e;
      }
      LOG.warn(
          "cluster {}: may not list IAM {}, so none made for it is deleted: {}",
          cluster,
          what,
          AwsErrors.describe(e));
      return List.of();
    }
  }
}
