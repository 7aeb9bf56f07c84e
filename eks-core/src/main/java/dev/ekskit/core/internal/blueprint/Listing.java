package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.spi.AwsErrors;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Lists of a cluster's parts, where "not found" (the cluster went meanwhile) means none. */
final class Listing {
  private Listing() {}

  static List<String> names(Supplier<List<String>> list) {
    return AwsErrors.absentAsEmpty(() -> Optional.of(list.get())).orElse(List.of());
  }
}
