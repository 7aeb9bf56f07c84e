package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.concurrent.CompletableFuture;

/** One resource of a blueprint with the handler that plans and applies it. */
record BlueprintItem<S>(BlueprintPartHandler<S> handler, S spec) {
  BlueprintStage stage() {
    return handler.stage(spec);
  }

  String kind() {
    return handler.kind();
  }

  String name() {
    return handler.name(spec);
  }

  PlannedChange plan(BlueprintContext blueprint) {
    return handler.plan(spec, blueprint);
  }

  CompletableFuture<PlannedChange> apply(Scope scope, BlueprintContext blueprint) {
    return handler.apply(scope, spec, blueprint);
  }

  /** Pairs a part with the handler found for its type. */
  @SuppressWarnings("unchecked")
  static <S> BlueprintItem<S> of(BlueprintPartHandler<?> handler, Object spec) {
    BlueprintPartHandler<S> typed = (BlueprintPartHandler<S>) handler;
    return new BlueprintItem<>(typed, typed.partType().cast(spec));
  }
}
