package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.PodIdentityAssociationInfo;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.internal.identity.PodIdentityOperations;
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
 * A Pod Identity association of the blueprint, with its role given or made: created last, or
 * pointed at another role in place. A role it makes that ekskit could not adopt is refused.
 */
final class AssociationStep extends CoreStep<PodIdentityAssociationSpec> {
  private static final String ROLE = "roleArn";

  AssociationStep(BlueprintRun run) {
    super(run, PodIdentityAssociationSpec.class, "pod identity association");
  }

  @Override
  public String name(PodIdentityAssociationSpec spec) {
    return spec.namespace() + "/" + spec.serviceAccount();
  }

  @Override
  public BlueprintStage stage(PodIdentityAssociationSpec spec) {
    return BlueprintStage.ASSOCIATIONS;
  }

  @Override
  public PlannedChange plan(PodIdentityAssociationSpec spec, BlueprintContext blueprint) {
    List<FieldDifference> differences = new ArrayList<>();
    Optional<String> wantedRole = spec.roleArn();
    if (spec.role().isPresent()) {
      Optional<RoleReview.Found> made =
          RoleReview.podIdentity(run.iam(), tagged(spec), spec.role().get());
      made.ifPresent(role -> differences.addAll(role.differences()));
      made.filter(role -> !role.missingPolicies().isEmpty())
          .ifPresent(
              role ->
                  differences.add(
                      new FieldDifference(
                          RoleStep.ATTACHED_POLICIES,
                          "+ " + String.join(", ", role.missingPolicies()),
                          "none")));
      wantedRole = made.map(RoleReview.Found::arn);
    }
    Optional<PodIdentityAssociationInfo> found = find(spec.namespace(), spec.serviceAccount());
    String note =
        "role " + wantedRole.orElse(spec.role().map(r -> r.name() + " (made)").orElse(""));
    if (found.isEmpty()) {
      return PlannedChange.create(kind(), name(spec), note);
    }
    String actual = found.get().roleArn();
    if (!wantedRole.orElse("").equals(actual)) {
      differences.add(new FieldDifference(ROLE, wantedRole.orElse("a role to make"), actual));
    }
    return PlannedChange.compare(
        kind(), name(spec), differences, Set.of(ROLE, RoleStep.ATTACHED_POLICIES), note);
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, PodIdentityAssociationSpec spec, BlueprintContext blueprint) {
    Scope own =
        scope.child(
            PodIdentityOperations.ref(run.clusterName(), spec.namespace(), spec.serviceAccount()));
    return compareThen(own, spec, false, change -> act(own, change, spec));
  }

  /** Pointed at another role in place, or associated (the role made first when asked). */
  private CompletableFuture<PodIdentityAssociationInfo> act(
      Scope own, PlannedChange change, PodIdentityAssociationSpec spec) {
    PodIdentityAssociationSpec tagged = tagged(spec);
    if (change.action() != PlanAction.UPDATE) {
      return PodIdentityOperations.associate(own, run.eks(), run.iam(), tagged);
    }
    return PodIdentityOperations.roleArn(own, run.iam(), tagged)
        .thenCompose(
            role ->
                PodIdentityOperations.update(
                    own,
                    run.eks(),
                    run.clusterName(),
                    spec.namespace(),
                    spec.serviceAccount(),
                    role));
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    return PodIdentityOperations.list(run.eks(), run.clusterName()).stream()
        .filter(association -> run.isOwned(association.tags()))
        .map(association -> association.namespace() + "/" + association.serviceAccount())
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    String[] account = name.split("/", 2);
    return PodIdentityOperations.delete(
        scope.child(PodIdentityOperations.ref(run.clusterName(), account[0], account[1])),
        run.eks(),
        run.iam(),
        run.clusterName(),
        account[0],
        account[1]);
  }

  private Optional<PodIdentityAssociationInfo> find(String namespace, String serviceAccount) {
    return run.cluster().isEmpty()
        ? Optional.empty()
        : PodIdentityOperations.describe(run.eks(), run.clusterName(), namespace, serviceAccount);
  }

  private PodIdentityAssociationSpec tagged(PodIdentityAssociationSpec spec) {
    return spec.toBuilder().tags(run.tags(spec.tags())).build();
  }
}
