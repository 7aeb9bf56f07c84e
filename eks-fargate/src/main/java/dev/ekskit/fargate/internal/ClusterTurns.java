package dev.ekskit.fargate.internal;

import dev.ekskit.core.internal.Engine;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One Fargate profile change per cluster at a time within this process, in the order asked: each
 * change starts when the one before it on the same cluster has ended (either way). Nothing waits on
 * a thread: a change is chained onto the future of the one before.
 */
public final class ClusterTurns {
  /** One set of queues per kit engine, so every {@code FargateProfiles} of a kit shares them. */
  private static final Map<Engine, ClusterTurns> BY_ENGINE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

  private ClusterTurns() {}

  public static ClusterTurns of(Engine engine) {
    return BY_ENGINE.computeIfAbsent(engine, key -> new ClusterTurns());
  }

  /** Runs {@code change} after every change queued before it on {@code clusterName}. */
  public synchronized <T> CompletableFuture<T> enqueue(
      String clusterName, Supplier<CompletableFuture<T>> change) {
    CompletableFuture<?> before =
        tails.getOrDefault(clusterName, CompletableFuture.completedFuture(null));
    CompletableFuture<T> mine =
        before.handle((value, error) -> null).thenCompose(ignored -> change.get());
    tails.put(clusterName, mine);
    mine.whenComplete((value, error) -> release(clusterName, mine));
    return mine;
  }

  private synchronized void release(String clusterName, CompletableFuture<?> finished) {
    tails.remove(clusterName, finished);
  }
}
