package dev.ekskit.core.internal.network;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.CreateOrAdopt;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The create-or-adopt of an EC2 resource found by its tags. Most EC2 creates take no idempotency
 * token, so each attempt first looks for the part by its tags and creates it (tags and all, in the
 * same call) only when none is there: a retry after a lost answer, or a run after a crash, finds
 * and adopts what the first attempt made. A duplicate answer (a security group's name) counts as
 * "it is there" too; one that ekskit did not make is a conflict.
 */
final class TaggedCreate {
  private TaggedCreate() {}

  static <R> CreateOrAdopt<R> of(
      ResourceRef ref,
      String cleanup,
      Supplier<Optional<R>> find,
      Supplier<R> create,
      Function<R, List<FieldDifference>> differences) {
    return CreateOrAdopt.<R>builder(ref)
        .what("the " + ref)
        .cleanup(cleanup)
        .find(() -> find.get().isPresent())
        .create(create)
        .describe(() -> find.get().orElseThrow(() -> notOurs(ref)))
        .differences(differences)
        .build();
  }

  private static ConflictException notOurs(ResourceRef ref) {
    return new ConflictException(
        ref,
        List.of(
            new FieldDifference("owner", "ekskit", "one of that name that ekskit did not make")),
        null);
  }

  /** A difference when {@code wanted} and {@code actual} differ, else none. */
  static List<FieldDifference> differ(String field, String wanted, String actual) {
    return wanted.equals(actual) ? List.of() : List.of(new FieldDifference(field, wanted, actual));
  }
}
