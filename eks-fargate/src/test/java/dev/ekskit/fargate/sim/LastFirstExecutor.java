package dev.ekskit.fargate.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Holds every task until {@link #release()}, then hands the held ones to {@code target} last first,
 * and later ones straight through: the worst order in which a pool of threads may start the bodies
 * of operations asked for one after another.
 */
final class LastFirstExecutor implements Executor {
  private final Executor target;
  private final Deque<Runnable> held = new ArrayDeque<>();
  private boolean holding = true;

  LastFirstExecutor(Executor target) {
    this.target = target;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      if (holding) {
        held.push(task);
        return;
      }
    }
    target.execute(task);
  }

  void release() {
    List<Runnable> lastFirst;
    synchronized (this) {
      holding = false;
      lastFirst = List.copyOf(held);
      held.clear();
    }
    lastFirst.forEach(target::execute);
  }
}
