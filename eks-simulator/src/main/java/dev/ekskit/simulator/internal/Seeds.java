package dev.ekskit.simulator.internal;

/**
 * Seeds spread over the whole space before they reach {@link java.util.Random}. Random scrambles a
 * seed with one multiplication only, so nearby seeds start nearly the same sequence: the first
 * {@code nextDouble()} of seeds 1 to 200 lies between 0.72 and 0.75, and a benchmark over those
 * seeds never draws a duration's tail. SplitMix64's finalizer (Steele, Lea, Flood 2014) makes every
 * bit of the seed change about half the bits of the result.
 */
final class Seeds {
  private Seeds() {}

  /** {@code seed} mixed, for the stream named by {@code stream} (so streams stay independent). */
  static long mix(long seed, long stream) {
    long z = seed + stream * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
