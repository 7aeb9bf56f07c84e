package dev.ekskit.bench;

import dev.ekskit.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What N waits of one run came to: detection lag (mean and 95th percentile, of the waits that
 * ended), describe calls per wait, and waits that failed although their resource got there (every
 * resource of the benchmark does), timeouts among them.
 */
record WaitStats(
    int waits, double meanLag, double p95Lag, double callsPerWait, int falseFailures, int timeouts) {

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
    Collections.sort(lags);
    double mean = lags.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double p95 = lags.isEmpty() ? Double.NaN : lags.get((int) Math.ceil(lags.size() * 0.95) - 1);
    return new WaitStats(
        ended.size(), mean, p95, (double) calls / ended.size(), failures, timeouts);
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
