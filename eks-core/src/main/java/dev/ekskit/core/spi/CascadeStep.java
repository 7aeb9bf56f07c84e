package dev.ekskit.core.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Something a module makes for a cluster that EKS does not delete with it, such as self-managed
 * node groups: every cascade delete of a cluster ({@code kit.clusters().delete(name)}) runs it,
 * whatever module objects are open. It must find what it deletes on its own (by tags or by names it
 * derives), never only through a part that may already be gone, and treat "already gone" as done:
 * a delete that was stopped halfway is finished by running it again.
 *
 * <pre>{@code
 * kit.addCascadeStep(new CascadeStep() {
 *   public String kind() { return "self-managed node groups"; }
 *   public void verify() { kit.client(AutoScalingClient.class); }
 *   public CompletableFuture<List<String>> delete(Scope scope, String cluster) { ... }
 * });
 * }</pre>
 */
public interface CascadeStep {
  /** When the step runs, relative to the cluster itself. */
  enum Stage {
    /**
     * After the cluster's Fargate profiles, together with its node groups, before its add-ons and
     * the cluster: for what runs on the cluster (instances, their templates and profiles).
     */
    BEFORE_CLUSTER,
    /** Once the cluster is gone: for what only served the cluster (roles, providers). */
    AFTER_CLUSTER
  }

  /** What it deletes, in words, e.g. {@code self-managed node groups}; names its events and result. */
  String kind();

  default Stage stage() {
    return Stage.BEFORE_CLUSTER;
  }

  /**
   * Called in the caller's thread when a cascade delete is asked for, before any AWS call: throw
   * {@link dev.ekskit.core.InvalidSpecException} if the step cannot run (a missing client).
   */
  default void verify() {}

  /**
   * A check against the account before anything of the cluster is deleted; a failure stops the
   * cascade with nothing deleted.
   */
  default CompletableFuture<Void> preflight(Scope scope, String cluster) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Deletes every such part of {@code cluster}, waiting for each; completes with their names. Runs
   * also when the cluster itself is already gone, so that a cascade stopped after the cluster went
   * still removes the module's parts when run again.
   */
  CompletableFuture<List<String>> delete(Scope scope, String cluster);
}
