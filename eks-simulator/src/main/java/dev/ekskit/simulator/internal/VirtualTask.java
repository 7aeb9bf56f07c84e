package dev.ekskit.simulator.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task of the {@link VirtualScheduler}, ordered by virtual due time, then by submission order.
 */
final class VirtualTask<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
  private static final Logger LOG = LoggerFactory.getLogger(VirtualTask.class);

  private final VirtualScheduler owner;

  /** 0: one-shot; positive: fixed rate; negative: fixed delay (the JDK's own encoding). */
  private final long periodNanos;

  private volatile long dueNanos;
  private volatile long sequence;

  VirtualTask(VirtualScheduler owner, Callable<V> callable, long dueNanos, long periodNanos) {
    super(callable);
    this.owner = owner;
    this.dueNanos = dueNanos;
    this.periodNanos = periodNanos;
  }

  long dueNanos() {
    return dueNanos;
  }

  long sequence() {
    return sequence;
  }

  void sequence(long sequence) {
    this.sequence = sequence;
  }

  @Override
  public boolean isPeriodic() {
    return periodNanos != 0;
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(dueNanos - owner.nowNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    if (other == this) {
      return 0;
    }
    if (other instanceof VirtualTask<?> task) {
      int byTime = Long.compare(dueNanos, task.dueNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, task.sequence);
    }
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }

  @Override
  public void run() {
    if (!isPeriodic()) {
      super.run();
    } else if (runAndReset() && !owner.isShutdown()) {
      dueNanos =
          periodNanos > 0
              ? VirtualScheduler.saturatedAdd(dueNanos, periodNanos)
              : VirtualScheduler.saturatedAdd(owner.nowNanos(), -periodNanos);
      owner.enqueue(this);
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      owner.remove(this);
    }
    return cancelled;
  }

  @Override
  protected void setException(Throwable failure) {
    // The runner must survive a failing task; the failure stays visible through get().
    LOG.warn("Task on virtual time failed", failure);
    super.setException(failure);
  }
}
