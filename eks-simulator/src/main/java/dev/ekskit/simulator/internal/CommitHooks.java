package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Actions due right after the n-th committed call of an operation, each counted from when it was
 * added. Only calls whose state change went through count: a throttled or failed call changed
 * nothing.
 */
final class CommitHooks {
  /** What runs after the commit; told the service so it can build that service's errors. */
  interface Hook {
    void run(Service service);
  }

  private static final class Pending {
    final String operation;
    final Hook hook;
    int callsToGo;

    Pending(String operation, int occurrence, Hook hook) {
      this.operation = operation;
      this.callsToGo = occurrence;
      this.hook = hook;
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  synchronized void add(String operation, int occurrence, Hook hook) {
    if (occurrence < 1) {
      throw new IllegalArgumentException("occurrence counts from 1 (the next call): " + occurrence);
    }
    pending.add(new Pending(operation, occurrence, hook));
  }

  /** Counts one committed call of {@code operation}; the hooks now due, in the order added. */
  synchronized List<Hook> takeDue(String operation) {
    List<Hook> due = new ArrayList<>();
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.operation.equals(operation) && --p.callsToGo == 0) {
        due.add(p.hook);
        it.remove();
      }
    }
    return due;
  }

  synchronized void clear() {
    pending.clear();
  }
}
