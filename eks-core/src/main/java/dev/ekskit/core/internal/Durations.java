package dev.ekskit.core.internal;

import java.time.Duration;

/** Durations as people read them: {@code 9m 41s}, {@code 850ms}. */
public final class Durations {
  private Durations() {}

  public static String text(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m " + s % 60 + "s";
    }
    return s / 3600 + "h " + s % 3600 / 60 + "m";
  }
}
