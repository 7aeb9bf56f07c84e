package dev.ekskit.bench;

import dev.ekskit.bench.WaitRun.Approach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits alone: each kind's transition once per seed, on a fresh kit, so that no other wait of the
 * kind tells it how fast the kind runs today. Printed beside the SDK's waiter, with the model exact
 * and 30% off; no bound is checked, because the bounds of {@link WaitComparison} are for waits that
 * run together, where the kit learns the pace. A lone wait on a slow day makes more calls.
 */
final class LoneWaits {
  private static final double[] SCALES = {1, 0.7, 1.3};

  private LoneWaits() {}

  static void run(int seeds, long seed) {
    System.out.printf(
        "%nLone waits: one wait per fresh kit, on seeds %d to %d, pooled (ekskit | SDK waiter);"
            + " durations as drawn, 30%% shorter, 30%% longer%n",
        seed, seed + seeds - 1);
    for (WaitCase row : WaitCase.values()) {
      for (double scale : SCALES) {
        System.out.printf(
            "%-18s x%.1f | %-24s | %-24s%n",
            row.title,
            scale,
            WaitComparison.cell(alone(row, Approach.EKSKIT, scale, seeds, seed)),
            WaitComparison.cell(alone(row, Approach.SDK, scale, seeds, seed)));
      }
    }
  }

  private static WaitStats alone(
      WaitCase row, Approach approach, double scale, int seeds, long seed) {
    List<WaitStats> runs = new ArrayList<>();
    for (long each = seed; each < seed + seeds; each++) {
      Duration drawn = WaitComparison.durations(row, 1, each).get(0);
      runs.add(
          WaitRun.run(
              row,
              approach,
              List.of(WaitComparison.scaled(drawn, scale)),
              each,
              0,
              row.kind.defaults()));
    }
    return WaitStats.pooled(runs);
  }
}
