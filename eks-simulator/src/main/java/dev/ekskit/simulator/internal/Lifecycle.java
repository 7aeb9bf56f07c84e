package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a resource is created, ready and gone, so its phase follows from virtual now alone: CREATING
 * until created + the drawn duration, then ACTIVE (or FAILED), DELETING until gone.
 */
final class Lifecycle {
  enum Phase {
    CREATING,
    ACTIVE,
    FAILED,
    DELETING,
    GONE
  }

  private final Instant createdAt;
  private final Instant readyAt;
  private final boolean failsOnCreate;
  private Instant goneAt;

  Lifecycle(Instant createdAt, Duration createDuration, boolean failsOnCreate) {
    this.createdAt = createdAt;
    this.readyAt = createdAt.plus(createDuration);
    this.failsOnCreate = failsOnCreate;
  }

  Instant createdAt() {
    return createdAt;
  }

  Phase phase(Instant now) {
    if (goneAt != null) {
      return now.isBefore(goneAt) ? Phase.DELETING : Phase.GONE;
    }
    if (now.isBefore(readyAt)) {
      return Phase.CREATING;
    }
    return failsOnCreate ? Phase.FAILED : Phase.ACTIVE;
  }

  /** Starts deleting; returns when the resource is gone. */
  Instant startDelete(Instant now, Duration deleteDuration) {
    goneAt = now.plus(deleteDuration);
    return goneAt;
  }
}
