package dev.ekskit.core.internal;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.WaitKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Deletes one resource and waits until it is gone. "Not found" at any point means already gone, so
 * running it again after a crash is safe. A 409 means another change is in progress (a cluster
 * update, another process's Fargate profile): the delete waits its turn on {@link
 * RetrySettings#forResourceInUse()}, as long as such a change takes.
 *
 * @param ref the resource
 * @param waitKind how to poll
 * @param delete the blocking delete call
 * @param describe its status and health issues now, or empty when gone
 * @param failedStatus the status that means deletion failed, e.g. {@code DELETE_FAILED}
 */
public record ChildDeletion(
    ResourceRef ref,
    WaitKind waitKind,
    Runnable delete,
    Supplier<Optional<Observed>> describe,
    String failedStatus) {

  /** A status and the health issues that came with it. */
  public record Observed(String status, List<HealthIssue> issues) {}

  /** Completes with true when this run deleted it, false when it was already gone. */
  public CompletableFuture<Boolean> run(OperationContext context) {
    return StepRetry.run(
            context,
            ref,
            "delete",
            StepRetry.RETRYABLE_OR_BUSY,
            RetrySettings.forResourceInUse(),
            () -> {
              try {
                delete.run();
                return true;
              } catch (RuntimeException e) {
                if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
                  return false;
                }
                throw e;
              }
            })
        .thenCompose(
            deleting ->
                !deleting
                    ? CompletableFuture.completedFuture(false)
                    : Poller.await(
                        context,
                        ref,
                        "wait deleted",
                        context.engine().policy(waitKind),
                        this::readiness));
  }

  private Readiness<Boolean> readiness() {
    Optional<Observed> now = NotFound.asEmpty(describe);
    if (now.isEmpty()) {
      return Readiness.ready("DELETED", true);
    }
    Observed seen = now.get();
    if (seen.status().equals(failedStatus)) {
      return Readiness.failed(
          seen.status(),
          new ResourceFailedException(
              ref,
              seen.status(),
              seen.issues(),
              Hints.forIssues(seen.issues()),
              "it still exists; fix the issues above and run the delete again"));
    }
    return Readiness.pending(seen.status());
  }
}
