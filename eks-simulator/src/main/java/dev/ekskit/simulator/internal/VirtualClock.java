package dev.ekskit.simulator.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A {@link Clock} that reads virtual now. */
public final class VirtualClock extends Clock {
  private final Supplier<Instant> now;
  private final ZoneId zone;

  public VirtualClock(Supplier<Instant> now) {
    this(now, ZoneOffset.UTC);
  }

  private VirtualClock(Supplier<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new VirtualClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
