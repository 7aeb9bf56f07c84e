package dev.ekskit.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a transition takes in reality, as a distribution: a log-normal body given by its median
 * and 95th percentile and cut to {@code min}..{@code max} (the body's share outside is spread over
 * the rest, so that no duration is likelier than its neighbours, as none is in reality), and a rare
 * tail spread evenly between the 95th percentile and the longest seen. A {@link PollingPolicy}
 * computes its check times from it; the simulated AWS in eks-simulator draws its durations from the
 * same numbers.
 *
 * <pre>{@code
 * DurationModel clusterCreate =
 *     DurationModel.logNormal(Duration.ofMinutes(12), Duration.ofMinutes(15))
 *         .between(Duration.ofMinutes(9), Duration.ofMinutes(33))
 *         .withTail(0.01);
 * }</pre>
 *
 * @param median half of the log-normal's draws take less, before it is cut to {@code min}..{@code
 *     max}
 * @param p95 95 % of the log-normal's draws take less
 * @param min the shortest a transition takes
 * @param max the longest a transition takes
 * @param tailChance the share of transitions in the tail between {@code p95} and {@code max}
 */
public record DurationModel(
    Duration median, Duration p95, Duration min, Duration max, double tailChance) {
  private static final double Z_95 = 1.6448536269514722;

  public DurationModel {
    List<Violation> violations = new ArrayList<>();
    if (min == null || min.isNegative()) {
      violations.add(new Violation("min", "non-negative", "must be zero or more, was " + min));
    }
    if (median == null || min != null && median.compareTo(min) < 0 || median.isZero()) {
      violations.add(new Violation("median", "order", "must be positive and at least min"));
    }
    if (p95 == null || median != null && p95.compareTo(median) <= 0) {
      violations.add(new Violation("p95", "order", "must be longer than median"));
    }
    if (max == null || p95 != null && max.compareTo(p95) <= 0) {
      violations.add(new Violation("max", "order", "must be longer than p95"));
    }
    if (tailChance < 0 || tailChance >= 1) {
      violations.add(new Violation("tailChance", "range", "must be in [0, 1), was " + tailChance));
    }
    if (!violations.isEmpty()) {
      throw new InvalidSpecException("DurationModel", violations);
    }
  }

  /** A log-normal model with no tail, bounded by 0 and 10 × the median until told otherwise. */
  public static DurationModel logNormal(Duration median, Duration p95) {
    return new DurationModel(median, p95, Duration.ZERO, median.multipliedBy(10), 0);
  }

  public DurationModel between(Duration newMin, Duration newMax) {
    return new DurationModel(median, p95, newMin, newMax, tailChance);
  }

  public DurationModel withTail(double chance) {
    return new DurationModel(median, p95, min, max, chance);
  }

  /** The spread of the log-normal body: ln(p95 / median) / z(0.95). */
  public double sigma() {
    return Math.log(seconds(p95) / seconds(median)) / Z_95;
  }

  /** The probability that a transition has ended {@code seconds} after it started. */
  public double cdf(double seconds) {
    if (seconds < seconds(min)) {
      return 0;
    }
    if (seconds >= seconds(max)) {
      return 1;
    }
    double below = logNormalCdf(seconds(min));
    double body = (logNormalCdf(seconds) - below) / (logNormalCdf(seconds(max)) - below);
    double tail =
        Math.max(0, Math.min(1, (seconds - seconds(p95)) / (seconds(max) - seconds(p95))));
    return (1 - tailChance) * body + tailChance * tail;
  }

  private double logNormalCdf(double seconds) {
    return seconds <= 0 ? 0 : normalCdf(Math.log(seconds / seconds(median)) / sigma());
  }

  /** Every duration multiplied by {@code factor}: the same shape, slower or faster. */
  public DurationModel scaled(double factor) {
    return new DurationModel(
        scale(median, factor),
        scale(p95, factor),
        scale(min, factor),
        scale(max, factor),
        tailChance);
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofMillis(Math.round(d.toMillis() * factor));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  /** Standard normal CDF, from erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double poly =
        t
            * (0.254829592
                + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double erf = 1 - poly * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }
}
