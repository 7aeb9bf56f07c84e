package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * What must happen to the simulated state at a known virtual time (a deleted resource disappears),
 * kept by due time so that bringing the state up to now costs only what fell due: a call costs the
 * same with one resource in the account as with thousands. Not thread-safe: the gateway serializes
 * calls.
 */
final class Agenda {
  private record Entry(Instant due, long order, Runnable action) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  private final PriorityQueue<Entry> entries = new PriorityQueue<>();
  private long nextOrder;

  /** Runs {@code action} at the first {@link #runDue} at or after {@code due}. */
  void at(Instant due, Runnable action) {
    entries.add(new Entry(due, nextOrder++, action));
  }

  /** Runs every action due by {@code now}, in due-time order. */
  void runDue(Instant now) {
    while (!entries.isEmpty() && !entries.peek().due().isAfter(now)) {
      entries.poll().action().run();
    }
  }
}
