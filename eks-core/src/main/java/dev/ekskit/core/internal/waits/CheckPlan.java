package dev.ekskit.core.internal.waits;

import dev.ekskit.core.DurationModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check times that minimise expected detection lag plus {@code callCost} per check, for a
 * transition whose duration follows a {@link DurationModel}: a pure function, computed once per
 * model, cost and deadline.
 *
 * <p>On a one-second grid, a dynamic program picks each next check k after a check j to minimise
 * {@code callCost · P(T > j) + E[(k − T) ; j < T ≤ k] + cost(k)} (a check is made only while the
 * transition has not been seen to end). So the first check lands near the earliest plausible end,
 * checks are dense where ends are likely and sparse in the tail, and none is past the deadline.
 *
 * <p>Models are never exact: every duration may well be 30% shorter or longer. The lag term mixes
 * in the model 30% faster ({@link #FASTER_WEIGHT}) so that early ends are still seen soon, and a
 * little of the model 30% slower ({@link #SLOWER_LAG_WEIGHT}); the call term mixes in the model 30%
 * slower ({@link #SLOWER_WEIGHT}) so that a slow day does not cost too many checks wasted in the
 * nominal bulk. No gap is longer than two minutes, and the plan covers up to 1.3 × the model's
 * longest duration. The weights were chosen on eks-bench's comparison with the SDK's waiters.
 */
public final class CheckPlan {
  static final double MODEL_ERROR = 0.3;
  static final double FASTER_WEIGHT = 0.13;
  static final double SLOWER_WEIGHT = 0.2;
  static final double SLOWER_LAG_WEIGHT = 0.01;

  /**
   * No gap between two checks is longer, so that a transition slower than modelled is still seen
   * soon.
   */
  static final int MAX_GAP_SECONDS = 120;

  private record Key(DurationModel model, Duration callCost, Duration deadline) {}

  private static final Map<Key, List<Duration>> PLANS = new ConcurrentHashMap<>();

  private CheckPlan() {}

  /** Offsets from the start of the wait, increasing, all within {@code deadline}. */
  public static List<Duration> of(DurationModel model, Duration callCost, Duration deadline) {
    return PLANS.computeIfAbsent(
        new Key(model, callCost, deadline), key -> compute(model, callCost, deadline));
  }

  private static List<Duration> compute(DurationModel model, Duration callCost, Duration deadline) {
    int horizon =
        (int)
            Math.min(
                deadline.toSeconds(),
                Math.ceil(model.max().toMillis() / 1000.0 * (1 + MODEL_ERROR)));
    if (horizon < 1) {
      return List.of(deadline);
    }
    DurationModel faster = model.scaled(1 - MODEL_ERROR);
    DurationModel slower = model.scaled(1 + MODEL_ERROR);
    double[] ended = new double[horizon + 1]; // P(T <= x) for the lag term
    double[] endedTimesX = new double[horizon + 1]; // running sum of x · P(T = x)
    double[] stillRunning = new double[horizon + 1]; // P(T > x) for the call term
    for (int x = 0; x <= horizon; x++) {
      ended[x] =
          (1 - FASTER_WEIGHT - SLOWER_LAG_WEIGHT) * model.cdf(x)
              + FASTER_WEIGHT * faster.cdf(x)
              + SLOWER_LAG_WEIGHT * slower.cdf(x);
      double mass = x == 0 ? ended[0] : ended[x] - ended[x - 1];
      endedTimesX[x] = (x == 0 ? 0 : endedTimesX[x - 1]) + x * mass;
      stillRunning[x] = 1 - ((1 - SLOWER_WEIGHT) * model.cdf(x) + SLOWER_WEIGHT * slower.cdf(x));
    }
    double cost = callCost.toMillis() / 1000.0;
    double[] best = new double[horizon + 1];
    int[] next = new int[horizon + 1];
    for (int j = horizon - 1; j >= 0; j--) {
      best[j] = Double.POSITIVE_INFINITY;
      // The first check may come as late as it likes; later ones at most MAX_GAP apart.
      int last = j == 0 ? horizon : Math.min(horizon, j + MAX_GAP_SECONDS);
      for (int k = j + 1; k <= last; k++) {
        double lag = k * (ended[k] - ended[j]) - (endedTimesX[k] - endedTimesX[j]);
        double total = cost * stillRunning[j] + lag + best[k];
        if (total < best[j]) {
          best[j] = total;
          next[j] = k;
        }
      }
    }
    List<Duration> plan = new ArrayList<>();
    for (int at = next[0]; ; at = next[at]) {
      plan.add(Duration.ofSeconds(at));
      if (at >= horizon) {
        break;
      }
    }
    return List.copyOf(plan);
  }
}
