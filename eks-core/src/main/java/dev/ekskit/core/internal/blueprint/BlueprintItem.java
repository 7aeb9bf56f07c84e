package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One resource of a blueprint with the handler that plans and applies it, and where the blueprint
 * holds it ({@code network}, {@code addons[1]}, {@code parts[2]}), which names its violations.
 */
record BlueprintItem<S>(BlueprintPartHandler<S> handler, S spec, String path) {
  BlueprintStage stage() {
    return handler.stage(spec);
  }

  String kind() {
    return handler.kind();
  }

  String name() {
    return handler.name(spec);
  }

  /** The handler's plan; what the account refuses is named by its path in the blueprint. */
  PlannedChange plan(BlueprintContext blueprint) {
    try {
      return handler.plan(spec, blueprint);
    } catch (InvalidSpecException refused) {
      List<Violation> named =
          refused.violations().stream()
              .map(v -> new Violation(path + "." + v.field(), v.rule(), v.message()))
              .toList();
      throw new InvalidSpecException("ClusterBlueprint", named);
    }
  }

  CompletableFuture<PlannedChange> apply(Scope scope, BlueprintContext blueprint) {
    return handler.apply(scope, spec, blueprint);
  }

  /** Pairs a part with the handler found for its type. */
  @SuppressWarnings("unchecked")
  static <S> BlueprintItem<S> of(BlueprintPartHandler<?> handler, Object spec, String path) {
    BlueprintPartHandler<S> typed = (BlueprintPartHandler<S>) handler;
    return new BlueprintItem<>(typed, typed.partType().cast(spec), path);
  }
}
