package dev.ekskit.core.spi;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * What a {@link KitModule} gets from the kit it is installed in: the kit's AWS clients, clock and
 * polling policies, its operation engine, and the places where a module contributes to the cluster
 * lifecycle. One per kit; safe to keep and to use from any thread.
 *
 * <pre>{@code
 * Operation<Boolean> delete(String cluster, String name) {
 *   AutoScalingClient autoScaling = kit.client(AutoScalingClient.class);  // before any call
 *   return kit.start(ResourceRef.child("self-managed-nodegroup", cluster, name), null,
 *       scope -> scope.call("delete auto scaling group", () -> forceDelete(autoScaling, name)));
 * }
 * }</pre>
 */
public interface KitContext {
  /**
   * The kit's client of this type: the one given to {@link dev.ekskit.core.EksKit.Builder}, or,
   * when the kit was given no client at all, one made from the kit's region and credentials chain
   * (closed with the kit). Ask at the start of an operation, in the caller's thread, so that a
   * missing client fails before any AWS call.
   *
   * @throws InvalidSpecException when the kit was given clients explicitly but not this one; the
   *     message names the builder method to call
   */
  <T extends SdkClient> T client(Class<T> type);

  /** The clock of every wait and event. */
  Clock clock();

  /** The policy for {@code kind}: the kit's override if it has one, else the kind's default. */
  PollingPolicy policy(WaitKind kind);

  /**
   * Starts {@code body} as an operation of the kit and returns its handle at once. The body runs in
   * the caller's thread with a {@link Scope} that carries the operation's deadline and cancellation
   * to everything it starts: it only composes steps, each of which runs on the kit's executor, so
   * it must not block. Its future's outcome is the operation's.
   *
   * @param listener receives this operation's events besides the kit's listeners; may be null
   */
  <T> Operation<T> start(
      ResourceRef resource, ProgressListener listener, Function<Scope, CompletableFuture<T>> body);

  /**
   * Lets blueprints of this kit hold parts of {@code handler}'s type ({@link
   * dev.ekskit.core.ClusterBlueprint.Builder#addParts}): plans, applies and deletes them. One
   * handler per type.
   */
  void addBlueprintPart(BlueprintPartHandler<? extends BlueprintPart> handler);

  /** Adds a part to every cascade delete of a cluster by this kit ({@code clusters().delete}). */
  void addCascadeStep(CascadeStep step);

  /**
   * Makes {@code extension} the kit's object of {@code type}, found by {@link
   * dev.ekskit.core.EksKit#extension(Class)}. One per type.
   */
  <T> void expose(Class<T> type, T extension);
}
