package dev.ekskit.bench;

import dev.ekskit.bench.WaitRun.Approach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ekskit's default waits side by side with the SDK's own waiters (async, on the virtual clock), an
 * eksctl-like fixed 20 s poll and the oracle (lag 0, one call), per wait kind, on the same drawn
 * durations; then again with every duration 30% shorter and 30% longer than drawn (the model then
 * is off by that much). Checks the bounds and returns the ones broken.
 */
final class WaitComparison {
  private static final double[] SCALES = {0.7, 1.3};

  private WaitComparison() {}

  static List<String> run(int waits, long seed) {
    List<String> broken = new ArrayList<>();
    System.out.printf(
        "%nWait kinds: %d waits each, transitions drawn from the simulation (seed %d), the same"
            + " for every approach. lag = seconds from done to seen (mean / p95); calls = describes"
            + " per wait; ff = false failures%n",
        waits,
        seed);
    System.out.printf(
        "%-18s | %-24s | %-24s | %-24s | %s%n",
        "kind", "ekskit", "SDK waiter", "fixed 20 s", "oracle");
    List<String> robust = new ArrayList<>();
    for (WaitCase row : WaitCase.values()) {
      List<Duration> drawn = durations(row, waits, seed);
      WaitStats ekskit = stats(row, Approach.EKSKIT, drawn, seed);
      WaitStats sdk = stats(row, Approach.SDK, drawn, seed);
      WaitStats fixed = stats(row, Approach.FIXED_20S, drawn, seed);
      System.out.printf(
          "%-18s | %-24s | %-24s | %-24s | 0.0 / 0.0; 1.0%n",
          row.title, cell(ekskit), cell(sdk), cell(fixed));
      double lagBound = Math.min(sdk.meanLag() * (row.halfTheSdkLag ? 0.5 : 1), fixed.meanLag());
      check(broken, ekskit.meanLag() <= lagBound, row.title + ": mean lag " + f(ekskit.meanLag())
          + " s above " + f(lagBound) + " s");
      check(broken, ekskit.callsPerWait() <= sdk.callsPerWait(), row.title + ": "
          + f(ekskit.callsPerWait()) + " calls per wait, the SDK waiter " + f(sdk.callsPerWait()));
      check(broken, ekskit.falseFailures() == 0, row.title + ": " + ekskit.falseFailures()
          + " false failures");
      for (double scale : SCALES) {
        List<Duration> off = drawn.stream().map(d -> scaled(d, scale)).toList();
        WaitStats ours = stats(row, Approach.EKSKIT, off, seed);
        WaitStats theirs = stats(row, Approach.SDK, off, seed);
        robust.add(
            String.format(
                "%-18s x%.1f | %-24s | %-24s", row.title, scale, cell(ours), cell(theirs)));
        check(broken, ours.meanLag() <= theirs.meanLag() && ours.callsPerWait()
                <= theirs.callsPerWait() && ours.falseFailures() == 0,
            row.title + " with durations x" + scale + ": " + cell(ours) + " against the SDK's "
                + cell(theirs));
      }
    }
    System.out.printf("%nEvery duration 30%% off the model (ekskit | SDK waiter)%n");
    robust.forEach(System.out::println);
    return broken;
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

  private static WaitStats stats(
      WaitCase row, Approach approach, List<Duration> durations, long seed) {
    return WaitRun.run(row, approach, durations, seed, 0, row.kind.defaults());
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
