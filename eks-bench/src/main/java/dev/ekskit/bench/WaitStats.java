package dev.ekskit.bench;

import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What waits came to: detection lag (mean and 95th percentile, of the waits that ended), describe
 * calls per wait, and waits that failed although their resource got there (every resource of the
 * benchmark does), timeouts among them. Batches on several seeds pool into one.
 */
record WaitStats(int waits, List<Double> lags, long calls, int falseFailures, int timeouts) {

  static WaitStats of(List<CompletableFuture<Instant>> ended, List<Instant> doneAt, long calls) {
    List<Double> lags = new ArrayList<>();
    int failures = 0;
    int timeouts = 0;
    for (int i = 0; i < ended.size(); i++) {
      CompletableFuture<Instant> wait = ended.get(i);
      if (wait.isCompletedExceptionally()) {
        failures++;
        if (cause(wait) instanceof WaitTimeoutException) {
          timeouts++;
        }
      } else {
        lags.add(Duration.between(doneAt.get(i), wait.join()).toMillis() / 1000.0);
      }
    }
    return new WaitStats(ended.size(), List.copyOf(lags), calls, failures, timeouts);
  }

  static WaitStats pooled(List<WaitStats> batches) {
    List<Double> lags = new ArrayList<>();
    batches.forEach(batch -> lags.addAll(batch.lags));
    return new WaitStats(
        batches.stream().mapToInt(WaitStats::waits).sum(),
        List.copyOf(lags),
        batches.stream().mapToLong(WaitStats::calls).sum(),
        batches.stream().mapToInt(WaitStats::falseFailures).sum(),
        batches.stream().mapToInt(WaitStats::timeouts).sum());
  }

  double meanLag() {
    return lags.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  double p95Lag() {
    if (lags.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = lags.stream().sorted().toList();
    return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
  }

  double callsPerWait() {
    return (double) calls / waits;
  }

  private static Throwable cause(CompletableFuture<Instant> failed) {
    try {
      failed.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
