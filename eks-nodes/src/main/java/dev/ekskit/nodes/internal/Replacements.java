package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.Scope;
import java.util.Set;

/** A node group a blueprint may not replace: the refusal names what AWS cannot change in place. */
final class Replacements {
  private Replacements() {}

  /**
   * @param updatable the fields changed in place, left out of the refusal
   */
  static ConflictException refused(Scope scope, PlannedChange change, Set<String> updatable) {
    return new ConflictException(
        scope.resource(),
        change.differences().stream().filter(d -> !updatable.contains(d.field())).toList(),
        null);
  }
}
