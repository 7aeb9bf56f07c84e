package dev.ekskit.core.spi;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code Consumer<Builder>} overloads of every facade, as the AWS SDK offers them: a spec built
 * from a fresh builder the caller fills in.
 *
 * <pre>{@code
 * public Operation<ClusterInfo> create(Consumer<ClusterSpec.Builder> spec) {
 *   return create(Specs.build("ClusterSpec", ClusterSpec.builder(), spec, ClusterSpec.Builder::build));
 * }
 * }</pre>
 */
public final class Specs {
  private Specs() {}

  /**
   * {@code builder} filled in by {@code edits}, then built; an {@link
   * dev.ekskit.core.InvalidSpecException} of {@code specType} when {@code edits} is null.
   */
  public static <B, S> S build(
      String specType, B builder, Consumer<? super B> edits, Function<? super B, S> build) {
    Violations.requireGiven(specType, "spec", edits).accept(builder);
    return build.apply(builder);
  }
}
