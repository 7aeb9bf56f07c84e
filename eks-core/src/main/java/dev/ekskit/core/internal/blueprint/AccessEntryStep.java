package dev.ekskit.core.internal.blueprint;

import static dev.ekskit.core.internal.blueprint.Listing.names;

import dev.ekskit.core.AccessEntryInfo;
import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.access.AccessEntries;
import dev.ekskit.core.internal.access.AccessReview;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An access entry of the blueprint: created with its policies, or brought to its spec in place
 * (username, groups, exactly its policies). An entry of another type (a node role's) is not
 * replaced.
 */
final class AccessEntryStep extends CoreStep<AccessEntrySpec> {
  AccessEntryStep(BlueprintRun run) {
    super(run, AccessEntrySpec.class, "access entry");
  }

  @Override
  public String name(AccessEntrySpec spec) {
    return spec.principalArn();
  }

  @Override
  public BlueprintStage stage(AccessEntrySpec spec) {
    return BlueprintStage.ACCESS;
  }

  @Override
  public PlannedChange plan(AccessEntrySpec spec, BlueprintContext blueprint) {
    Optional<AccessEntryInfo> found = read(spec.principalArn());
    if (found.isEmpty()) {
      return PlannedChange.create(kind(), spec.principalArn(), policies(spec));
    }
    return PlannedChange.compare(
        kind(),
        spec.principalArn(),
        AccessReview.differences(spec, found.get()),
        AccessReview.UPDATABLE,
        policies(spec));
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, AccessEntrySpec spec, BlueprintContext blueprint) {
    Scope own = scope.child(ref(spec.principalArn()));
    AccessEntries entries =
        new AccessEntries(own, run.eks(), run.clusterName(), spec.principalArn());
    AccessEntrySpec tagged = spec.toBuilder().tags(run.tags(spec.tags())).build();
    return compareThen(
        own,
        spec,
        false,
        change ->
            change.action() == PlanAction.CREATE ? entries.create(tagged) : entries.update(tagged));
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    if (run.cluster().isEmpty()) {
      return List.of();
    }
    return names(() -> AccessEntries.principals(run.eks(), run.clusterName())).stream()
        // Only STANDARD entries are a blueprint's: node entries belong to their node groups.
        .filter(
            principal ->
                read(principal)
                    .filter(entry -> "STANDARD".equals(entry.type()) && run.isOwned(entry.tags()))
                    .isPresent())
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    return new AccessEntries(scope.child(ref(name)), run.eks(), run.clusterName(), name).delete();
  }

  private Optional<AccessEntryInfo> read(String principal) {
    return run.cluster().isEmpty()
        ? Optional.empty()
        : AccessEntries.read(run.eks(), run.clusterName(), principal);
  }

  private ResourceRef ref(String principal) {
    return ResourceRef.child("access-entry", run.clusterName(), principal);
  }

  private static String policies(AccessEntrySpec spec) {
    return spec.accessPolicies().isEmpty()
        ? ""
        : spec.accessPolicies().size()
            + " access polic"
            + (spec.accessPolicies().size() == 1 ? "y" : "ies");
  }
}
