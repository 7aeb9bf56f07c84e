package dev.ekskit.bench;

import dev.ekskit.bench.WaitRun.Approach;

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
            WaitComparison.cell(WaitComparison.pooled(row, Approach.EKSKIT, scale, 1, seeds, seed)),
            WaitComparison.cell(WaitComparison.pooled(row, Approach.SDK, scale, 1, seeds, seed)));
      }
    }
  }
}
