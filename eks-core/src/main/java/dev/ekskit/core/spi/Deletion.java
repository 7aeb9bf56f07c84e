package dev.ekskit.core.spi;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one delete of every resource: delete, then wait until it is gone. "Not found" at any point
 * means already gone, so running it again after a crash is safe. A 409 means another change runs (a
 * cluster update, another process's Fargate profile): the delete waits its turn as {@link
 * StepRetries#whileBusy()} allows.
 *
 * <pre>{@code
 * Deletion.builder(ResourceRef.child("nodegroup", "orders", "general"))
 *     .waitKind(WaitKind.NODEGROUP_DELETE)
 *     .delete(() -> eks.deleteNodegroup(r -> r.clusterName("orders").nodegroupName("general")))
 *     .describe(() -> Optional.of(describe()).map(n -> new Deletion.Observed(n.statusAsString(), List.of())))
 *     .failedStatus("DELETE_FAILED")
 *     .build()
 *     .run(scope);                                  // true when this run deleted it
 * }</pre>
 */
public final class Deletion {
  /** A status and the health issues that came with it. */
  public record Observed(String status, List<HealthIssue> issues) {}

  private final ResourceRef ref;
  private final WaitKind waitKind;
  private final Runnable delete;
  private final Supplier<Optional<Observed>> describe;
  private final String failedStatus;
  private final StepRetries retries;

  private Deletion(Builder b) {
    this.ref = Objects.requireNonNull(b.ref, "ref");
    this.waitKind = Objects.requireNonNull(b.waitKind, "waitKind");
    this.delete = Objects.requireNonNull(b.delete, "delete");
    this.describe = Objects.requireNonNull(b.describe, "describe");
    this.failedStatus = b.failedStatus;
    this.retries = b.retries;
  }

  public static Builder builder(ResourceRef ref) {
    return new Builder(ref);
  }

  public ResourceRef resource() {
    return ref;
  }

  /**
   * Runs it within {@code scope}, its events naming this resource. Completes with true when this
   * run deleted it, false when it was already gone.
   */
  public CompletableFuture<Boolean> run(Scope scope) {
    Scope own = scope.resource().equals(ref) ? scope : scope.child(ref);
    return own.call(
            Steps.DELETE,
            retries,
            () ->
                AwsErrors.deletedUnlessGone(
                    () -> {
                      delete.run();
                      return true;
                    }))
        .thenCompose(
            deleting ->
                !deleting
                    ? CompletableFuture.completedFuture(false)
                    : own.await(Steps.WAIT_DELETED, waitKind, this::readiness));
  }

  private Readiness<Boolean> readiness() {
    Optional<Observed> now = AwsErrors.absentAsEmpty(describe);
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

  /**
   * Options of a {@link Deletion}; all but {@code failedStatus} and {@code retries} are required.
   */
  public static final class Builder {
    private final ResourceRef ref;
    private WaitKind waitKind;
    private Runnable delete;
    private Supplier<Optional<Observed>> describe;
    private String failedStatus = "DELETE_FAILED";
    private StepRetries retries = StepRetries.whileBusy();

    private Builder(ResourceRef ref) {
      this.ref = ref;
    }

    /** How to poll until it is gone. */
    public Builder waitKind(WaitKind waitKind) {
      this.waitKind = waitKind;
      return this;
    }

    /** The blocking delete call. */
    public Builder delete(Runnable delete) {
      this.delete = delete;
      return this;
    }

    /** Its status and health issues now, or empty when gone ("not found" also means gone). */
    public Builder describe(Supplier<Optional<Observed>> describe) {
      this.describe = describe;
      return this;
    }

    /** The status that means the delete failed; default {@code DELETE_FAILED}. */
    public Builder failedStatus(String failedStatus) {
      this.failedStatus = Objects.requireNonNull(failedStatus, "failedStatus");
      return this;
    }

    /**
     * What the delete call retries besides throttling and faults; default {@link
     * StepRetries#whileBusy()}.
     */
    public Builder retries(StepRetries retries) {
      this.retries = Objects.requireNonNull(retries, "retries");
      return this;
    }

    public Deletion build() {
      return new Deletion(this);
    }
  }
}
