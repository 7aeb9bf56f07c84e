package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What core's own blueprint steps share: their type and kind, and how an apply goes: compare afresh
 * in a {@code compare} step, refuse a replacement (core never replaces what it makes), then act. A
 * step whose resources a blueprint never deletes keeps the empty {@link #owned} and {@link
 * #delete}.
 *
 * @param <S> the spec the step applies
 */
abstract class CoreStep<S> implements BlueprintPartHandler<S> {
  protected final BlueprintRun run;
  private final Class<S> type;
  private final String kind;

  CoreStep(BlueprintRun run, Class<S> type, String kind) {
    this.run = run;
    this.type = type;
    this.kind = kind;
  }

  @Override
  public final Class<S> partType() {
    return type;
  }

  @Override
  public final String kind() {
    return kind;
  }

  /**
   * Compares {@code spec} afresh in {@code own}, then runs {@code act} on what it found, unless it
   * found nothing to change and {@code alwaysAct} is false (the step then only needed to know it is
   * there). Completes with what it found.
   */
  final CompletableFuture<PlannedChange> compareThen(
      Scope own, S spec, boolean alwaysAct, Function<PlannedChange, CompletableFuture<?>> act) {
    return own.read("compare", () -> plan(spec, run))
        .thenCompose(
            change -> {
              if (change.action() == PlanAction.NO_CHANGE && !alwaysAct) {
                return CompletableFuture.completedFuture(change);
              }
              return Refusals.unlessReplacement(own.resource(), change, () -> act.apply(change))
                  .thenApply(done -> change);
            });
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    return List.of();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    return CompletableFuture.completedFuture(false);
  }
}
