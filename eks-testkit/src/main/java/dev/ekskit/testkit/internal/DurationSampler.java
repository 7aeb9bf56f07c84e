package dev.ekskit.testkit.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/** Draws transition durations from the seed, unless a test fixed them. */
public final class DurationSampler {
  private final Random random;
  private final Map<Transition, Duration> fixed = new EnumMap<>(Transition.class);

  public DurationSampler(long seed) {
    this.random = new Random(seed);
  }

  public synchronized Duration draw(Transition transition) {
    Duration override = fixed.get(transition);
    return override != null
        ? override
        : transition.sample(random.nextDouble(), random.nextGaussian());
  }

  public synchronized void fix(Transition transition, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          transition + " duration must not be negative: " + duration);
    }
    fixed.put(transition, Objects.requireNonNull(duration, "duration"));
  }

  public synchronized void fixAll(Duration duration) {
    for (Transition transition : Transition.values()) {
      fix(transition, duration);
    }
  }

  public synchronized void unfixAll() {
    fixed.clear();
  }
}
