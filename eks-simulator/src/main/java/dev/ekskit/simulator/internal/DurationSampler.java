package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/** Draws transition durations from the (mixed) seed, unless a test fixed them. */
public final class DurationSampler {
  private final Random random;
  private final Map<Transition, Duration> fixed = new EnumMap<>(Transition.class);
  private final Map<Transition, Deque<Duration>> peeked = new EnumMap<>(Transition.class);

  public DurationSampler(long seed) {
    this.random = new Random(Seeds.mix(seed, 1));
  }

  public synchronized Duration draw(Transition transition) {
    Duration override = fixed.get(transition);
    if (override != null) {
      return override;
    }
    Deque<Duration> ahead = peeked.get(transition);
    return ahead == null || ahead.isEmpty() ? fresh(transition) : ahead.poll();
  }

  /**
   * The duration the {@code ahead}-th next transition of this kind will take (0: the next one),
   * drawn now and kept for it: what the simulation will do, known in advance.
   */
  public synchronized Duration peek(Transition transition, int ahead) {
    Duration override = fixed.get(transition);
    if (override != null) {
      return override;
    }
    Deque<Duration> queue = peeked.computeIfAbsent(transition, key -> new ArrayDeque<>());
    while (queue.size() <= ahead) {
      queue.add(fresh(transition));
    }
    return List.copyOf(queue).get(ahead);
  }

  private Duration fresh(Transition transition) {
    while (true) {
      Optional<Duration> drawn = transition.sample(random.nextDouble(), random.nextGaussian());
      if (drawn.isPresent()) {
        return drawn.get();
      }
    }
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
