package dev.ekskit.bench;

import dev.ekskit.bench.WaitRun.Approach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ekskit's default waits side by side with the SDK's own waiters (async, on the virtual clock), an
 * eksctl-like fixed 20 s poll and the oracle (lag 0, one call), per wait kind, on the same drawn
 * durations; then again with every duration 30% shorter and 30% longer than drawn (the model then
 * is off by that much). Each kind runs in batches of waits started together, one batch per seed
 * from the given one on, and the figures pool the batches: one batch of 200 leaves a mean lag a few
 * percent off its expectation, which is the size of the margins being checked. Checks the issue's
 * bounds and returns the ones broken.
 */
final class WaitComparison {
  private static final double[] SCALES = {0.7, 1.3};

  private WaitComparison() {}

  static List<String> run(int waits, int batches, long seed) {
    List<String> broken = new ArrayList<>();
    System.out.printf(
        "%nWait kinds: %d batches of %d waits started together, on seeds %d to %d; transitions"
            + " drawn from the simulation, the same for every approach. lag = seconds from done to"
            + " seen (mean / p95); calls = describes per wait; ff = false failures%n",
        batches, waits, seed, seed + batches - 1);
    System.out.printf(
        "%-18s | %-24s | %-24s | %-24s | %s%n",
        "kind", "ekskit", "SDK waiter", "fixed 20 s", "oracle");
    List<String> robust = new ArrayList<>();
    for (WaitCase row : WaitCase.values()) {
      WaitStats ekskit = pooled(row, Approach.EKSKIT, 1, waits, batches, seed);
      WaitStats sdk = pooled(row, Approach.SDK, 1, waits, batches, seed);
      WaitStats fixed = pooled(row, Approach.FIXED_20S, 1, waits, batches, seed);
      System.out.printf(
          "%-18s | %-24s | %-24s | %-24s | 0.0 / 0.0; 1.0%n",
          row.title, cell(ekskit), cell(sdk), cell(fixed));
      double lagBound = Math.min(sdk.meanLag() * (row.halfTheSdkLag ? 0.5 : 1), fixed.meanLag());
      check(
          broken,
          ekskit.meanLag() <= lagBound,
          row.title + ": mean lag " + f(ekskit.meanLag()) + " s above " + f(lagBound) + " s");
      check(
          broken,
          ekskit.callsPerWait() <= sdk.callsPerWait(),
          row.title
              + ": "
              + f(ekskit.callsPerWait())
              + " calls per wait, the SDK waiter "
              + f(sdk.callsPerWait()));
      check(
          broken,
          ekskit.falseFailures() == 0,
          row.title + ": " + ekskit.falseFailures() + " false failures");
      for (double scale : SCALES) {
        WaitStats ours = pooled(row, Approach.EKSKIT, scale, waits, batches, seed);
        WaitStats theirs = pooled(row, Approach.SDK, scale, waits, batches, seed);
        robust.add(
            String.format(
                "%-18s x%.1f | %-24s | %-24s", row.title, scale, cell(ours), cell(theirs)));
        check(
            broken,
            ours.meanLag() <= theirs.meanLag()
                && ours.callsPerWait() <= theirs.callsPerWait()
                && ours.falseFailures() == 0,
            row.title
                + " with durations x"
                + scale
                + ": "
                + cell(ours)
                + " against the SDK's "
                + cell(theirs));
      }
    }
    System.out.printf("%nEvery duration 30%% off the model (ekskit | SDK waiter)%n");
    robust.forEach(System.out::println);
    return broken;
  }

  /**
   * One approach's batches, each on its own seed, with every drawn duration times {@code scale}.
   */
  static WaitStats pooled(
      WaitCase row, Approach approach, double scale, int waits, int batches, long seed) {
    List<WaitStats> runs = new ArrayList<>();
    for (long batchSeed = seed; batchSeed < seed + batches; batchSeed++) {
      List<Duration> drawn =
          durations(row, waits, batchSeed).stream().map(d -> scaled(d, scale)).toList();
      runs.add(WaitRun.run(row, approach, drawn, batchSeed, 0, row.kind.defaults()));
    }
    return WaitStats.pooled(runs);
  }

  static List<Duration> durations(WaitCase row, int waits, long seed) {
    try (BenchWorld world = BenchWorld.create(seed)) {
      List<Duration> drawn = new ArrayList<>();
      for (int i = 0; i < waits; i++) {
        drawn.add(world.aws().durations().next(row.transition(), i));
      }
      return drawn;
    }
  }

  static String cell(WaitStats stats) {
    return String.format(
        "%5.1f / %5.1f; %4.1f%s",
        stats.meanLag(),
        stats.p95Lag(),
        stats.callsPerWait(),
        stats.falseFailures() == 0 ? "" : " ff " + stats.falseFailures());
  }

  private static Duration scaled(Duration d, double factor) {
    return Duration.ofMillis(Math.round(d.toMillis() * factor));
  }

  static void check(List<String> broken, boolean holds, String otherwise) {
    if (!holds) {
      broken.add(otherwise);
    }
  }

  static String f(double value) {
    return String.format("%.1f", value);
  }
}
