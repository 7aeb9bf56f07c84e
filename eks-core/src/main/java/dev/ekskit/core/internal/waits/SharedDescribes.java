package dev.ekskit.core.internal.waits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One describe for many waits on the same resource: a wait about to check joins the describe of its
 * key that is under way, or takes one that ended within its sharing window, instead of making its
 * own. An entry lives while some wait holds its key.
 */
public final class SharedDescribes {
  private static final class Entry {
    int holders;
    Instant endedAt;
    CompletableFuture<Object> result;
  }

  private final Clock clock;
  private final Map<String, Entry> byKey = new HashMap<>();

  public SharedDescribes(Clock clock) {
    this.clock = clock;
  }

  private synchronized void ended(Entry entry, CompletableFuture<Object> result) {
    if (entry.result == result) {
      entry.endedAt = clock.instant();
    }
  }

  /** A wait starts using {@code key}. */
  public synchronized void hold(String key) {
    byKey.computeIfAbsent(key, k -> new Entry()).holders++;
  }

  /** A wait stopped using {@code key}; the last one to stop forgets it. */
  public synchronized void release(String key) {
    Entry entry = byKey.get(key);
    if (entry != null && --entry.holders <= 0) {
      byKey.remove(key);
    }
  }

  /**
   * The describe under way for {@code key}, or one that ended at most {@code window} ago, or else a
   * new one from {@code describe}.
   */
  public CompletableFuture<Object> describe(
      String key, Duration window, Supplier<CompletableFuture<Object>> describe) {
    Instant now = clock.instant();
    synchronized (this) {
      Entry entry = byKey.get(key);
      if (entry != null && entry.result != null) {
        Instant endedAt = entry.endedAt;
        if (endedAt == null || !endedAt.plus(window).isBefore(now)) {
          return entry.result;
        }
      }
      CompletableFuture<Object> started = describe.get();
      if (entry != null) {
        Entry current = entry;
        current.endedAt = null;
        current.result = started;
        started.whenComplete((value, error) -> ended(current, started));
      }
      return started;
    }
  }
}
