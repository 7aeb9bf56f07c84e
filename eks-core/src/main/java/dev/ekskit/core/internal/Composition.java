package dev.ekskit.core.internal;

import dev.ekskit.core.EksKitException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sequence and bounded parallelism over a scope: nothing new starts once the operation stopped, and
 * no thread is held while the items run.
 */
final class Composition {
  private Composition() {}

  static <I, T> CompletableFuture<List<T>> sequence(
      OperationScope scope, List<I> items, Function<I, CompletableFuture<T>> each) {
    CompletableFuture<List<T>> chain = CompletableFuture.completedFuture(List.of());
    for (I item : items) {
      chain =
          chain.thenCompose(
              done -> startUnlessStopped(scope, item, each).thenApply(value -> append(done, value)));
    }
    return chain;
  }

  static <I, T> CompletableFuture<List<T>> parallel(
      OperationScope scope, List<I> items, int parallelism, Function<I, CompletableFuture<T>> each) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    List<CompletableFuture<T>> results = new ArrayList<>();
    items.forEach(item -> results.add(new CompletableFuture<>()));
    AtomicInteger next = new AtomicInteger();
    Runnable startNext =
        new Runnable() {
          @Override
          public void run() {
            int index = next.getAndIncrement();
            if (index >= items.size()) {
              return;
            }
            startUnlessStopped(scope, items.get(index), each)
                .whenComplete(
                    (value, error) -> {
                      if (error == null) {
                        results.get(index).complete(value);
                      } else {
                        results.get(index).completeExceptionally(error);
                      }
                      this.run();
                    });
          }
        };
    for (int i = 0; i < Math.min(parallelism, items.size()); i++) {
      startNext.run();
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .handle((ignored, error) -> results.stream().map(CompletableFuture::join).toList());
  }

  private static <I, T> CompletableFuture<T> startUnlessStopped(
      OperationScope scope, I item, Function<I, CompletableFuture<T>> each) {
    EksKitException stopped = scope.state().stopped();
    if (stopped != null) {
      return CompletableFuture.failedFuture(stopped);
    }
    try {
      return each.apply(item);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> List<T> append(List<T> list, T value) {
    List<T> longer = new ArrayList<>(list);
    longer.add(value);
    return longer;
  }
}
