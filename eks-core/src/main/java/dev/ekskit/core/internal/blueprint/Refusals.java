package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What a blueprint refuses to do: replace what AWS cannot change in place. */
final class Refusals {
  private Refusals() {}

  /**
   * Fails with a {@link ConflictException} naming every immutable difference of {@code change} when
   * it needs a replacement, which {@code resource} never gets; else runs {@code then}.
   */
  static <T> CompletableFuture<T> unlessReplacement(
      ResourceRef resource, PlannedChange change, Supplier<CompletableFuture<T>> then) {
    if (change.action() == PlanAction.REPLACE_REQUIRED) {
      return CompletableFuture.failedFuture(conflict(resource, change.differences()));
    }
    return then.get();
  }

  /** The refusal of a plan with replacements apply may not make, naming each. */
  static ConflictException ofPlan(ResourceRef cluster, List<PlannedChange> refused) {
    List<FieldDifference> differences = new ArrayList<>();
    for (PlannedChange change : refused) {
      change
          .differences()
          .forEach(
              d ->
                  differences.add(
                      new FieldDifference(
                          change.kind() + " " + change.name() + ": " + d.field(),
                          d.wanted(),
                          d.actual())));
    }
    return new ConflictException(cluster, differences, null);
  }

  private static ConflictException conflict(
      ResourceRef resource, List<FieldDifference> differences) {
    return new ConflictException(resource, differences, null);
  }
}
