package dev.ekskit.core.internal;

import dev.ekskit.core.DurationModel;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.waits.AdaptiveRate;
import dev.ekskit.core.internal.waits.Pace;
import dev.ekskit.core.internal.waits.SharedDescribes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every operation runs on: a scheduler for delays (no thread waits), a small executor for the
 * blocking SDK calls, the clock, the policies and the kit-wide listeners.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Duration QUEUE_FULL_RETRY = Duration.ofMillis(50);
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Executor executor;
  private final Map<String, PollingPolicy> policyOverrides;
  private final PollingPolicy pollingOverride;
  private final RetrySettings retrySettings;
  private final List<ProgressListener> listeners;
  private final Duration operationDeadline;
  private final Random random;
  private final Set<DefaultOperation<?>> running = ConcurrentHashMap.newKeySet();
  private final KeyedTurns turns = new KeyedTurns();
  private final Map<String, AdaptiveRate> rates = new ConcurrentHashMap<>();
  private final Map<DurationModel, Pace> paces = new ConcurrentHashMap<>();
  private final SharedDescribes sharedDescribes;

  public Engine(
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor executor,
      Map<String, PollingPolicy> policyOverrides,
      PollingPolicy pollingOverride,
      RetrySettings retrySettings,
      List<ProgressListener> listeners,
      Duration operationDeadline,
      Random random) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.executor = executor;
    this.policyOverrides = Map.copyOf(policyOverrides);
    this.pollingOverride = pollingOverride;
    this.retrySettings = retrySettings;
    this.listeners = List.copyOf(listeners);
    this.operationDeadline = operationDeadline;
    this.random = random;
    this.sharedDescribes = new SharedDescribes(clock);
  }

  /** Starts {@code body} as a new operation on {@code resource}; see {@link DefaultOperation}. */
  public <T> DefaultOperation<T> start(
      ResourceRef resource,
      ProgressListener listener,
      Function<dev.ekskit.core.spi.Scope, CompletableFuture<T>> body) {
    return start(resource, listener, operationDeadline, body);
  }

  /** {@link #start}, with its own deadline instead of the kit's. */
  public <T> DefaultOperation<T> start(
      ResourceRef resource,
      ProgressListener listener,
      Duration deadline,
      Function<dev.ekskit.core.spi.Scope, CompletableFuture<T>> body) {
    return DefaultOperation.start(new OperationState(this, resource, listener, deadline), body);
  }

  public Clock clock() {
    return clock;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public RetrySettings retrySettings() {
    return retrySettings;
  }

  /** The longest a whole operation (all its steps) may take. */
  public Duration operationDeadline() {
    return operationDeadline;
  }

  public PollingPolicy policy(WaitKind kind) {
    return policyOverrides.getOrDefault(
        kind.name(), pollingOverride != null ? pollingOverride : kind.defaults());
  }

  /** {@code base} moved at random by up to {@code fraction} either way. */
  public Duration jittered(Duration base, double fraction) {
    double factor = 1 + fraction * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
  }

  /** A uniform draw in [0, 1) from the kit's jitter seed. */
  public double uniform() {
    return random.nextDouble();
  }

  /** The kit-wide pace of status checks to {@code service}. */
  public AdaptiveRate rate(String service) {
    return rates.computeIfAbsent(service, name -> new AdaptiveRate(name, clock));
  }

  /** How fast transitions of {@code model} run today, learnt from this kit's waits. */
  Pace pace(DurationModel model) {
    return paces.computeIfAbsent(model, m -> new Pace(m, clock));
  }

  SharedDescribes sharedDescribes() {
    return sharedDescribes;
  }

  /**
   * Runs a blocking call on the executor. When the executor's queue is full the call waits its turn
   * on the scheduler instead of failing: back-pressure, not an error.
   */
  public <T> CompletableFuture<T> call(Supplier<T> blockingCall) {
    CompletableFuture<T> result = new CompletableFuture<>();
    submit(blockingCall, result);
    return result;
  }

  private <T> void submit(Supplier<T> blockingCall, CompletableFuture<T> result) {
    try {
      executor.execute(
          () -> {
            try {
              result.complete(blockingCall.get());
            } catch (RuntimeException | Error e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      if (executor instanceof ExecutorService service && service.isShutdown()) {
        result.completeExceptionally(e);
      } else {
        scheduler.schedule(
            () -> submit(blockingCall, result), QUEUE_FULL_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  KeyedTurns turns() {
    return turns;
  }

  /** Runs {@code task} on the executor after {@code delay}, without holding a thread meanwhile. */
  public void schedule(Duration delay, Runnable task) {
    scheduler.schedule(
        () ->
            call(
                () -> {
                  task.run();
                  return null;
                }),
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void track(DefaultOperation<?> operation) {
    running.add(operation);
  }

  void untrack(DefaultOperation<?> operation) {
    running.remove(operation);
  }

  /** Ends every running operation: the kit is closing and its threads with it. */
  public void stopAll() {
    running.forEach(DefaultOperation::stopBecauseKitClosed);
  }

  void publish(ProgressEvent event, ProgressListener extra) {
    listeners.forEach(listener -> deliver(listener, event));
    if (extra != null) {
      deliver(extra, event);
    }
  }

  private static void deliver(ProgressListener listener, ProgressEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn(
          "Progress listener {} threw on {}; ignored",
          listener,
          event.getClass().getSimpleName(),
          e);
    }
  }
}
