package dev.ekskit.simulator.internal;

import java.util.Random;
import java.util.UUID;

/** Deterministic identifiers, from their own random stream so they never shift drawn durations. */
public final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final Random random;

  public Ids(long seed) {
    this.random = new Random(seed ^ 0x1D5L);
  }

  public synchronized String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** {@code length} lowercase hex digits, e.g. the suffix of "vpc-0a1b2c3d4e5f60718". */
  public synchronized String hex(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = HEX[random.nextInt(HEX.length)];
    }
    return new String(out);
  }
}
