package dev.ekskit.core;

import dev.ekskit.core.internal.Durations;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.core.spi.Violations;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How {@link Blueprints#apply(ClusterBlueprint, ApplyOptions)} and {@link
 * Blueprints#upgrade(ClusterBlueprint, String, ApplyOptions)} go about it. The defaults are the
 * safe ones: nothing is replaced, upgrade blockers block.
 *
 * <pre>{@code
 * ApplyOptions options = ApplyOptions.builder()
 *     .allowReplacement(true)             // a node group whose instance types changed is recreated
 *     .computeParallelism(2)
 *     .deadline(Duration.ofHours(3))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class ApplyOptions {
  ApplyOptions() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static ApplyOptions defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Whether a part whose immutable fields differ ({@link PlanAction#REPLACE_REQUIRED}) is deleted
   * and created again. The cluster and the network are never replaced: delete the blueprint and
   * apply it again for that.
   */
  @Value.Default
  public boolean allowReplacement() {
    return false;
  }

  /**
   * Whether an upgrade goes on despite upgrade insights in {@code ERROR}, and node group updates
   * despite pods that a PodDisruptionBudget keeps from draining. Off by default.
   */
  @Value.Default
  public boolean force() {
    return false;
  }

  /**
   * How many compute parts of one kind (node groups, say) are created or updated at once; 1 to 20.
   * Each kind has its own: Fargate profiles waiting their turn never hold up node groups.
   */
  @Value.Default
  public int computeParallelism() {
    return 4;
  }

  /** How long the whole apply may take; the kit's operation deadline when absent. */
  public abstract Optional<Duration> deadline();

  @Value.Check
  void check() {
    Violations v = new Violations("ApplyOptions");
    if (computeParallelism() < 1 || computeParallelism() > 20) {
      v.add("computeParallelism", "range", "must be 1 to 20, was " + computeParallelism());
    }
    deadline()
        .filter(d -> d.isZero() || d.isNegative())
        .ifPresent(d -> v.add("deadline", "positive", "must be positive, was " + Durations.text(d)));
    v.throwIfAny();
  }

  /** Builds {@link ApplyOptions}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableApplyOptions.Builder {
    Builder() {}
  }
}
