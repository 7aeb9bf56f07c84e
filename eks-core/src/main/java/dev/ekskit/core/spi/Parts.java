package dev.ekskit.core.spi;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A create made of several AWS resources, made one part after another. When a part fails once any
 * part exists, the create fails with a {@link PartialCreationException} naming every part that
 * exists (the failing one too, if it does) and the one call that removes them all.
 *
 * <pre>{@code
 * Parts parts = new Parts(scope, "remove it with nodegroups.selfManaged().delete(\"orders\", \"batch\")");
 * parts.make(profileRef, () -> InstanceProfiles.exists(iam, name), () -> profiles.run(scope))
 *     .thenCompose(profile -> parts.make(templateRef, () -> templates.exists(name), () -> ...));
 * }</pre>
 */
public final class Parts {
  private final Scope scope;
  private final String cleanup;
  private final List<ResourceRef> existing = new ArrayList<>();

  /**
   * @param scope the operation making the parts
   * @param cleanup the call that removes every part, e.g. {@code remove it with ...delete("orders",
   *     "batch")}
   */
  public Parts(Scope scope, String cleanup) {
    this.scope = scope;
    this.cleanup = cleanup;
  }

  /**
   * Makes one part. On failure, asks {@code exists} (a blocking describe) whether the part is there
   * anyway, as after a lost response (a stopped operation asks nothing more). When the question
   * itself fails, the part counts as existing if AWS may have acted.
   */
  public <T> CompletableFuture<T> make(
      ResourceRef part, Supplier<Boolean> exists, Supplier<CompletableFuture<T>> work) {
    CompletableFuture<T> made;
    try {
      made = work.get();
    } catch (RuntimeException e) {
      made = CompletableFuture.failedFuture(e);
    }
    return made.handle(
            (value, error) ->
                error == null
                    ? CompletableFuture.completedFuture(remember(part, value))
                    : this.<T>partial(part, exists, AwsErrors.unwrap(error)))
        .thenCompose(Function.identity());
  }

  /** The parts that exist so far, in the order they were made. */
  public synchronized List<ResourceRef> existing() {
    return List.copyOf(existing);
  }

  private synchronized <T> T remember(ResourceRef part, T value) {
    if (!existing.contains(part)) {
      existing.add(part);
    }
    return value;
  }

  private <T> CompletableFuture<T> partial(
      ResourceRef part, Supplier<Boolean> exists, Throwable error) {
    return probe(part, exists, error)
        .thenCompose(
            there -> {
              if (there) {
                remember(part, null);
              }
              List<ResourceRef> now = existing();
              Throwable cause =
                  error instanceof EksKitException
                      ? error
                      : new EksKitException(scope.resource() + ": " + error.getMessage(), error);
              return CompletableFuture.failedFuture(
                  now.isEmpty()
                      ? cause
                      : new PartialCreationException(
                          scope.resource(), stepOf(error), now, cleanup, cause));
            });
  }

  private CompletableFuture<Boolean> probe(
      ResourceRef part, Supplier<Boolean> exists, Throwable error) {
    if (exists == null || scope.isStopped()) {
      return CompletableFuture.completedFuture(false);
    }
    return scope
        .call(Steps.check("whether " + part + " exists"), exists)
        .exceptionally(probeFailed -> AwsErrors.isRetryable(error));
  }

  private static String stepOf(Throwable error) {
    return Optional.of(error)
        .filter(AwsCallException.class::isInstance)
        .map(e -> ((AwsCallException) e).step())
        .orElse(Steps.CREATE);
  }
}
