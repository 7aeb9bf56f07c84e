package dev.ekskit.core.internal;

import java.util.Optional;
import java.util.function.Supplier;

/** Turns AWS's "not found" into an empty answer, for describes where absence is a result. */
public final class NotFound {
  private NotFound() {}

  public static <T> Optional<T> asEmpty(Supplier<Optional<T>> describe) {
    try {
      return describe.get();
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
