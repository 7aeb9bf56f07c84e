package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A blueprint's apply: the plan first (reads only; replacements that are not allowed stop it there,
 * before any change), then each stage in order, the resources of a stage at once (compute parts up
 * to the options' parallelism per kind, IRSA roles one by one as they share the OIDC provider),
 * then the deletes of removed parts. Every resource compares afresh before it acts, so a run after
 * a crash does only what is left. A failure once something may have changed names what exists.
 */
final class Applying {
  private final Scope scope;
  private final BlueprintRun run;
  private final List<PlannedChange> done = Collections.synchronizedList(new ArrayList<>());

  private Applying(Scope scope, BlueprintRun run) {
    this.scope = scope;
    this.run = run;
  }

  static CompletableFuture<AppliedBlueprint> run(Scope scope, BlueprintRun run) {
    return Planning.run(scope, run).thenCompose(plan -> new Applying(scope, run).apply(plan));
  }

  /** Runs {@code plan}, which must have been made by this run. */
  static CompletableFuture<AppliedBlueprint> run(Scope scope, BlueprintRun run, Plan plan) {
    return new Applying(scope, run).apply(plan);
  }

  private CompletableFuture<AppliedBlueprint> apply(Plan plan) {
    List<PlannedChange> refused = refused(plan);
    if (!refused.isEmpty()) {
      return CompletableFuture.failedFuture(Refusals.ofPlan(run.clusterRef(), refused));
    }
    return scope
        .sequence(List.of(BlueprintStage.values()), this::stage)
        .thenCompose(
            stages ->
                deletes(plan.changes(PlanAction.DELETE))
                    .thenApply(
                        deleted -> {
                          List<PlannedChange> all = new ArrayList<>();
                          stages.forEach(all::addAll);
                          all.addAll(deleted);
                          return new AppliedBlueprint(
                              run.cluster().orElseThrow(), run.network(), all);
                        }))
        .exceptionallyCompose(this::named);
  }

  /**
   * The replacements apply may not make: every one of the cluster, network and core resources, and
   * a module's part unless the options allow it.
   */
  private List<PlannedChange> refused(Plan plan) {
    List<String> replaceable =
        run.services().blueprintParts().stream().map(BlueprintPartHandler::kind).toList();
    return plan.changes(PlanAction.REPLACE_REQUIRED).stream()
        .filter(change -> !run.allowReplacement() || !replaceable.contains(change.kind()))
        .toList();
  }

  private CompletableFuture<List<PlannedChange>> stage(BlueprintStage stage) {
    List<BlueprintItem<?>> items =
        run.items().stream().filter(item -> item.stage() == stage).toList();
    if (stage != BlueprintStage.COMPUTE) {
      int parallelism = stage == BlueprintStage.IDENTITY ? 1 : Math.max(1, items.size());
      return scope.parallel(items, parallelism, this::apply);
    }
    // Each kind of compute part in a lane of its own: parts waiting their turn (Fargate profiles,
    // one at a time per cluster) never hold up another kind's.
    List<List<BlueprintItem<?>>> lanes =
        List.copyOf(
            items.stream()
                .collect(
                    Collectors.groupingBy(
                        BlueprintItem::handler, LinkedHashMap::new, Collectors.toList()))
                .values());
    int parallelism = run.options().computeParallelism();
    return scope
        .parallel(
            lanes,
            Math.max(1, lanes.size()),
            lane -> scope.parallel(lane, parallelism, this::apply))
        .thenApply(
            perLane -> {
              Map<BlueprintItem<?>, PlannedChange> changes = new IdentityHashMap<>();
              for (int lane = 0; lane < lanes.size(); lane++) {
                for (int i = 0; i < lanes.get(lane).size(); i++) {
                  changes.put(lanes.get(lane).get(i), perLane.get(lane).get(i));
                }
              }
              return items.stream().map(changes::get).toList();
            });
  }

  private CompletableFuture<PlannedChange> apply(BlueprintItem<?> item) {
    return item.apply(scope, run)
        .thenApply(
            change -> {
              done.add(change);
              return change;
            });
  }

  /** Removed parts, the module parts first, then core's in the reverse of their stages. */
  private CompletableFuture<List<PlannedChange>> deletes(List<PlannedChange> deletes) {
    List<BlueprintPartHandler<?>> handlers = new ArrayList<>(run.deletable());
    Collections.reverse(handlers);
    List<PlannedChange> ordered = new ArrayList<>();
    handlers.forEach(
        handler ->
            deletes.stream()
                .filter(change -> change.kind().equals(handler.kind()))
                .forEach(ordered::add));
    return scope.sequence(
        ordered,
        change ->
            handlerOf(handlers, change.kind())
                .delete(scope, change.name(), run)
                .thenApply(
                    deleted -> {
                      done.add(change);
                      return change;
                    }));
  }

  private static BlueprintPartHandler<?> handlerOf(
      List<BlueprintPartHandler<?>> handlers, String kind) {
    return handlers.stream().filter(h -> h.kind().equals(kind)).findFirst().orElseThrow();
  }

  /**
   * A failure after the plan: what the run made or found is named, with the way to finish or to
   * remove it. Cancellation and refusals before any change pass as they are.
   */
  private CompletableFuture<AppliedBlueprint> named(Throwable failure) {
    Throwable cause = AwsErrors.unwrap(failure);
    if (cause instanceof OperationCancelledException || done.isEmpty()) {
      return CompletableFuture.failedFuture(cause);
    }
    List<ResourceRef> existing =
        List.copyOf(done).stream()
            .filter(change -> change.action() != PlanAction.DELETE)
            .map(change -> new ResourceRef(change.kind(), change.name()))
            .toList();
    return CompletableFuture.failedFuture(
        new PartialCreationException(
            run.clusterRef(),
            "apply blueprint",
            existing,
            "remove everything the blueprint made with kit.blueprints().delete(\""
                + run.clusterName()
                + "\")",
            cause instanceof EksKitException
                ? cause
                : new EksKitException(cause.getMessage(), cause)));
  }
}
