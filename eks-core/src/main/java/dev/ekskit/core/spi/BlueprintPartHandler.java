package dev.ekskit.core.spi;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PlannedChange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How a module's part of a blueprint is planned, applied and deleted, registered with {@link
 * KitContext#addBlueprintPart}. Core drives it: it asks for a plan before anything changes, runs
 * {@link #apply} in the part's {@link #stage}, and deletes parts removed from the blueprint only
 * when they carry the blueprint's tag ({@link #owned}).
 *
 * <pre>{@code
 * kit.addBlueprintPart(new BlueprintPartHandler<NodegroupSpec>() {
 *   public Class<NodegroupSpec> partType() { return NodegroupSpec.class; }
 *   public String kind() { return "managed node group"; }
 *   public PlannedChange plan(NodegroupSpec part, BlueprintContext blueprint) { ... }
 *   ...
 * });
 * }</pre>
 *
 * @param <S> the part's spec type
 */
public interface BlueprintPartHandler<S> {
  /** The spec type it handles. */
  Class<S> partType();

  /** What plans call such a part, e.g. {@code "managed node group"}. */
  String kind();

  /** The part's name in plans and events. */
  String name(S part);

  /**
   * When in the apply the part is brought to its spec; {@link BlueprintStage#COMPUTE} by default.
   */
  default BlueprintStage stage(S part) {
    return BlueprintStage.COMPUTE;
  }

  /**
   * What applying the part would do now: reads only, never a mutating call. Blocks. Checks what
   * needs the account (subnets exist and are private, the AMI resolves) and throws {@link
   * InvalidSpecException} when it fails, so that an apply stops before its first change.
   */
  PlannedChange plan(S part, BlueprintContext blueprint);

  /**
   * Brings the part to its spec within {@code scope} (events in a child scope of its own): creates
   * it, updates what AWS changes in place, or, when {@link BlueprintContext#allowReplacement()},
   * deletes and creates it again; otherwise a difference in immutable fields fails with a {@link
   * dev.ekskit.core.ConflictException}. Compares afresh first ({@code scope.read("compare", () ->
   * plan(part, blueprint))}), so a run after a crash does only what is left. Completes with what it
   * did.
   */
  CompletableFuture<PlannedChange> apply(Scope scope, S part, BlueprintContext blueprint);

  /**
   * The names of the cluster's parts of this kind that carry the blueprint's tag ({@link
   * BlueprintContext#isOwned}). Reads only; blocks. Empty when the cluster does not exist.
   */
  List<String> owned(BlueprintContext blueprint);

  /** Deletes the part of that name and waits until it is gone; true when this run deleted it. */
  CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint);
}
