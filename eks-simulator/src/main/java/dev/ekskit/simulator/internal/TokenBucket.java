package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;

/** A token bucket refilled on virtual time. Not thread-safe: the gateway serializes calls. */
final class TokenBucket {
  private final double perSecond;
  private final int burst;
  private double tokens;
  private Instant refilledAt;

  TokenBucket(double perSecond, int burst, Instant now) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("Rate must be positive and burst at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.refilledAt = now;
  }

  boolean tryTake(Instant now) {
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * perSecond);
      refilledAt = now;
    }
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
