package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.OidcProviderInfo;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.internal.identity.IamRoles;
import dev.ekskit.core.internal.identity.IrsaOperations;
import dev.ekskit.core.internal.identity.RoleDeletion;
import dev.ekskit.core.internal.identity.RoleReview;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An IRSA role of the blueprint, trusting the cluster's OIDC provider (made with the first one).
 * Made before the add-ons, which may run with it; a managed policy it lacks is attached in place.
 */
final class ServiceAccountRoleStep extends CoreStep<ServiceAccountRoleSpec> {
  ServiceAccountRoleStep(BlueprintRun run) {
    super(run, ServiceAccountRoleSpec.class, "IRSA role");
  }

  @Override
  public String name(ServiceAccountRoleSpec spec) {
    return spec.role().name();
  }

  @Override
  public BlueprintStage stage(ServiceAccountRoleSpec spec) {
    return BlueprintStage.IDENTITY;
  }

  @Override
  public PlannedChange plan(ServiceAccountRoleSpec spec, BlueprintContext blueprint) {
    String note = "for " + spec.namespace() + "/" + spec.serviceAccount();
    Optional<OidcProviderInfo> provider =
        run.cluster().isEmpty()
            ? Optional.empty()
            : IrsaOperations.describe(run.eks(), run.iam(), run.clusterName());
    if (provider.isEmpty()) {
      return PlannedChange.create(kind(), name(spec), note + ", with the cluster's OIDC provider");
    }
    Optional<RoleReview.Found> found =
        RoleReview.irsa(run.iam(), tagged(spec), provider.get().arn(), provider.get().issuerUrl());
    if (found.isEmpty()) {
      return PlannedChange.create(kind(), name(spec), note);
    }
    List<FieldDifference> differences = new ArrayList<>(found.get().differences());
    if (!found.get().missingPolicies().isEmpty()) {
      differences.add(
          new FieldDifference(
              RoleStep.ATTACHED_POLICIES,
              "+ " + String.join(", ", found.get().missingPolicies()),
              "none"));
    }
    return PlannedChange.compare(
        kind(), name(spec), differences, Set.of(RoleStep.ATTACHED_POLICIES), note);
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, ServiceAccountRoleSpec spec, BlueprintContext blueprint) {
    Scope own = scope.child(IamRoles.ref(name(spec)));
    return compareThen(
        own,
        spec,
        false,
        change -> IrsaOperations.createServiceAccountRole(own, run.eks(), run.iam(), tagged(spec)));
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    return RoleReview.irsaRoles(run.iam(), run.clusterName()).entrySet().stream()
        .filter(role -> run.isOwned(role.getValue()))
        .map(role -> role.getKey())
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    return RoleDeletion.run(scope, run.iam(), name);
  }

  private ServiceAccountRoleSpec tagged(ServiceAccountRoleSpec spec) {
    return spec.toBuilder().tags(run.tags(spec.tags())).build();
  }
}
