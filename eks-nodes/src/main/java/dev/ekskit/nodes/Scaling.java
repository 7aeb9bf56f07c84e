package dev.ekskit.nodes;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.NodegroupSpecRules;
import org.immutables.value.Value;

/**
 * A node group's size limits, as {@code scale} changes them. Immutable; {@code build()} checks
 * {@code minSize <= desiredSize <= maxSize}, {@code minSize >= 0} and {@code maxSize >= 1}.
 *
 * <pre>{@code
 * Nodegroups.of(kit).managed()
 *     .scale("orders", "general", s -> s.minSize(2).desiredSize(4).maxSize(8))
 *     .join();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class Scaling {
  Scaling() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  public abstract int minSize();

  public abstract int desiredSize();

  public abstract int maxSize();

  @Value.Check
  void check() {
    Violations v = new Violations("Scaling");
    NodegroupSpecRules.scaling(v, minSize(), desiredSize(), maxSize());
    v.throwIfAny();
  }

  /** Builds a {@link Scaling}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableScaling.Builder {
    Builder() {}
  }
}
