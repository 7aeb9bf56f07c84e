package dev.ekskit.nodes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous create per item with at most {@code parallelism} in flight; each finished
 * one starts the next. Holds no thread while waiting.
 */
public final class ParallelCreates {
  private ParallelCreates() {}

  public static <S, T> CompletableFuture<List<T>> run(
      List<S> items, int parallelism, Function<S, CompletableFuture<T>> create) {
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
            create
                .apply(items.get(index))
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
        .handle(
            (ignored, error) -> {
              List<T> values = new ArrayList<>();
              for (CompletableFuture<T> result : results) {
                values.add(result.join());
              }
              return values;
            });
  }
}
