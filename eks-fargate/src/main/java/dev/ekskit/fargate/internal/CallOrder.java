package dev.ekskit.fargate.internal;

import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Keeps the order in which callers asked for changes. {@code kit.start} runs each operation's body
 * on the kit's executor, where bodies may start in any order; so each body takes its turn ({@link
 * Scope#serialized}) only after the body asked for before it took its own. Taking a turn holds
 * nothing and takes no time, so one line serves every cluster.
 *
 * <pre>{@code
 * callOrder.start(kit, ref, (scope, place) ->
 *     place.serialized(scope, TurnKeys.fargateProfiles("orders"), () -> create(scope)));
 * }</pre>
 */
public final class CallOrder {
  private CompletableFuture<Void> lastTaken = CompletableFuture.completedFuture(null);

  /**
   * Takes the next place in line now, in the caller's thread, and starts {@code body} as an
   * operation of {@code kit} with it.
   */
  public <T> Operation<T> start(
      KitContext kit, ResourceRef ref, BiFunction<Scope, Place, CompletableFuture<T>> body) {
    Place place = next();
    Operation<T> operation = kit.start(ref, null, scope -> body.apply(scope, place));
    // An operation that ended before its body took its turn must not hold up the ones after it.
    operation.completionFuture().whenComplete((value, error) -> place.pass());
    return operation;
  }

  private synchronized Place next() {
    Place place = new Place(lastTaken);
    lastTaken = place.taken;
    return place;
  }

  /** One operation's place in line. */
  public static final class Place {
    private final CompletableFuture<Void> before;
    private final CompletableFuture<Void> taken = new CompletableFuture<>();

    private Place(CompletableFuture<Void> before) {
      this.before = before;
    }

    /** {@code scope.serialized(key, work)}, once every earlier place has taken its turn. */
    public <T> CompletableFuture<T> serialized(
        Scope scope, String key, Supplier<CompletableFuture<T>> work) {
      return before.thenCompose(
          ignored -> {
            try {
              return scope.serialized(key, work);
            } finally {
              pass();
            }
          });
    }

    private void pass() {
      taken.complete(null);
    }
  }
}
