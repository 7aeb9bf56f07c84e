package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.internal.waits.AdaptiveRate;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.SharedDescribe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One check of a wait, paced by the kit's {@link AdaptiveRate} of its service: a permit is
 * reserved, and the describe runs when it is due, on the kit's executor. A shared describe is made
 * once for every wait on its key.
 */
final class Probes {
  /** The pace of checks whose service the wait did not name. */
  static final String UNNAMED_SERVICE = "aws";

  interface Probe<T> {
    /** The next check; {@code sharingWindow} says how stale a shared result may be. */
    CompletableFuture<Readiness<T>> check(Duration sharingWindow);

    /** Called once when the wait ends. */
    default void done() {}
  }

  private Probes() {}

  static <T> Probe<T> plain(OperationScope scope, Supplier<Readiness<T>> check) {
    return window -> paced(scope.engine(), UNNAMED_SERVICE, check, () -> scope.state().stopped());
  }

  @SuppressWarnings("unchecked")
  static <R, T> Probe<T> shared(
      OperationScope scope, SharedDescribe<R> describe, Function<R, Readiness<T>> readiness) {
    Engine engine = scope.engine();
    String key = describe.service() + ":" + describe.key();
    engine.sharedDescribes().hold(key);
    return new Probe<>() {
      @Override
      public CompletableFuture<Readiness<T>> check(Duration window) {
        // Not tied to this operation's stop: another wait may share the call.
        return engine
            .sharedDescribes()
            .describe(
                key,
                window,
                () -> paced(engine, describe.service(), () -> describe.call().get(), () -> null))
            .thenApply(found -> readiness.apply((R) found));
      }

      @Override
      public void done() {
        engine.sharedDescribes().release(key);
      }
    };
  }

  private static <X> CompletableFuture<X> paced(
      Engine engine, String service, Supplier<? extends X> call, Supplier<EksKitException> stop) {
    AdaptiveRate rate = engine.rate(service);
    CompletableFuture<X> result = new CompletableFuture<>();
    Runnable attempt =
        () -> {
          EksKitException stopped = stop.get();
          if (stopped != null) {
            result.completeExceptionally(stopped);
            return;
          }
          try {
            X value = call.get();
            rate.record(false);
            result.complete(value);
          } catch (RuntimeException e) {
            rate.record(AwsErrors.is(e, AwsErrors.Kind.THROTTLED));
            result.completeExceptionally(e);
          }
        };
    engine.schedule(rate.reserve(), attempt);
    return result;
  }
}
