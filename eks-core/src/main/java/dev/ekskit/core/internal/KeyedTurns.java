package dev.ekskit.core.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One piece of work per key at a time, in the order asked: each starts when the one before it under
 * the same key has ended, either way. Nothing waits on a thread: work is chained onto the future of
 * the work before. One per kit.
 */
final class KeyedTurns {
  private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

  synchronized <T> CompletableFuture<T> enqueue(String key, Supplier<CompletableFuture<T>> work) {
    CompletableFuture<?> before = tails.getOrDefault(key, CompletableFuture.completedFuture(null));
    CompletableFuture<T> mine =
        before.handle((value, error) -> null).thenCompose(ignored -> work.get());
    tails.put(key, mine);
    mine.whenComplete((value, error) -> release(key, mine));
    return mine;
  }

  private synchronized void release(String key, CompletableFuture<?> finished) {
    tails.remove(key, finished);
  }
}
