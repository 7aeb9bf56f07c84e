package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.internal.identity.IamRoles;
import dev.ekskit.core.internal.identity.RoleOperations;
import dev.ekskit.core.internal.identity.RoleReview;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The cluster role or node role a blueprint makes: made for the blueprint's cluster (so that its
 * cascade delete removes it) and with its tag. A role of that name is adopted when ekskit made it
 * alike, and a managed policy it lacks is attached: the one change made in place.
 *
 * @param <S> {@link ClusterRoleSpec} or {@link NodeRoleSpec}
 */
final class RoleStep<S> extends CoreStep<S> {
  static final String ATTACHED_POLICIES = "managedPolicies";

  private final Function<S, String> name;
  private final Function<S, S> complete;
  private final Function<S, Optional<RoleReview.Found>> review;
  private final BiFunction<Scope, S, CompletableFuture<RoleInfo>> create;
  private final Consumer<String> made;

  private RoleStep(
      BlueprintRun run,
      Class<S> type,
      String kind,
      Function<S, String> name,
      Function<S, S> complete,
      Function<S, Optional<RoleReview.Found>> review,
      BiFunction<Scope, S, CompletableFuture<RoleInfo>> create,
      Consumer<String> made) {
    super(run, type, kind);
    this.name = name;
    this.complete = complete;
    this.review = review;
    this.create = create;
    this.made = made;
  }

  static RoleStep<ClusterRoleSpec> cluster(BlueprintRun run) {
    return new RoleStep<>(
        run,
        ClusterRoleSpec.class,
        "cluster role",
        ClusterRoleSpec::name,
        spec -> spec.toBuilder().clusterName(run.clusterName()).tags(run.tags(spec.tags())).build(),
        spec -> RoleReview.cluster(run.iam(), spec),
        (scope, spec) -> RoleOperations.createClusterRole(scope, run.iam(), spec),
        run::clusterRoleArn);
  }

  static RoleStep<NodeRoleSpec> node(BlueprintRun run) {
    return new RoleStep<>(
        run,
        NodeRoleSpec.class,
        "node role",
        NodeRoleSpec::name,
        spec -> spec.toBuilder().clusterName(run.clusterName()).tags(run.tags(spec.tags())).build(),
        spec -> RoleReview.node(run.iam(), spec),
        (scope, spec) -> RoleOperations.createNodeRole(scope, run.iam(), spec),
        run::nodeRoleArn);
  }

  @Override
  public String name(S spec) {
    return name.apply(spec);
  }

  @Override
  public BlueprintStage stage(S spec) {
    return BlueprintStage.FOUNDATION;
  }

  @Override
  public PlannedChange plan(S spec, BlueprintContext blueprint) {
    Optional<RoleReview.Found> found = review.apply(complete.apply(spec));
    if (found.isEmpty()) {
      return PlannedChange.create(kind(), name(spec), "");
    }
    made.accept(found.get().arn());
    List<FieldDifference> differences = new ArrayList<>(found.get().differences());
    if (!found.get().missingPolicies().isEmpty()) {
      differences.add(
          new FieldDifference(
              ATTACHED_POLICIES, "+ " + String.join(", ", found.get().missingPolicies()), "none"));
    }
    return PlannedChange.compare(
        kind(), name(spec), differences, Set.of(ATTACHED_POLICIES), found.get().arn());
  }

  @Override
  public CompletableFuture<PlannedChange> apply(Scope scope, S spec, BlueprintContext blueprint) {
    Scope own = scope.child(IamRoles.ref(name(spec)));
    return compareThen(
        own,
        spec,
        false,
        change ->
            create.apply(own, complete.apply(spec)).thenAccept(role -> made.accept(role.arn())));
  }
}
