package dev.ekskit.core.spi;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The running operation a piece of work belongs to: its deadline, its cancellation, and the events
 * it publishes. Every AWS call and every wait of an operation goes through its scope, so that a
 * cancelled or expired operation makes no further call, however deeply its work is nested.
 *
 * <pre>{@code
 * CompletableFuture<Nodegroup> created =
 *     scope.call(Steps.CREATE, () -> eks.createNodegroup(request).nodegroup())
 *         .thenCompose(group -> scope.await(Steps.WAIT_ACTIVE, NODEGROUP_CREATE, this::checkActive));
 * }</pre>
 *
 * <p>Every step ({@link #call}, {@link #await}) publishes {@code StepStarted} and ends with exactly
 * one {@code StepSucceeded} or {@code StepFailed}; its future fails only with an {@link
 * EksKitException}.
 */
public interface Scope {
  /** The resource this scope's events name. */
  ResourceRef resource();

  /** Now, on the kit's clock. */
  Instant now();

  /** When the whole operation must have ended. */
  Instant deadline();

  /** Whether the operation was cancelled, ran out of time, or its kit closed. */
  boolean isStopped();

  /**
   * Work on another resource within the same operation, e.g. one node group of a cascade delete: it
   * shares this scope's cancellation and deadline, and its events name {@code resource}.
   */
  Scope child(ResourceRef resource);

  /** The kit's polling policy for {@code kind}. */
  PollingPolicy policy(WaitKind kind);

  /**
   * Runs one blocking AWS call as a step on the kit's executor. Throttling is retried with backoff
   * while the deadline allows; 5xx and network faults that outlasted the SDK's own retries are
   * retried within the kit's {@link dev.ekskit.core.RetrySettings}; nothing else. Repeat-safe calls
   * only: a create pins its idempotency token outside {@code blockingCall}.
   */
  default <T> CompletableFuture<T> call(String step, Supplier<T> blockingCall) {
    return call(step, StepRetries.none(), blockingCall);
  }

  /**
   * As {@link #call(String, Supplier)}, also retrying what the SDK cannot know is temporary (the
   * resource is busy, a new IAM role has not propagated) as {@code retries} says.
   */
  <T> CompletableFuture<T> call(String step, StepRetries retries, Supplier<T> blockingCall);

  /**
   * Runs blocking reads as one step, e.g. a plan or a check against the account: reads only, so
   * repeating them is always safe. A step of many calls fails when any one does, so here a retry
   * does not repeat the reads that already succeeded (the kit's clients answer them from the step's
   * memory), and faults get a larger budget ({@link StepRetries#reads()}): the step finishes under
   * throttling and 5xx that would fail one of its calls almost every time.
   *
   * <pre>{@code
   * scope.read("compare", () -> plan(part, blueprint))
   * }</pre>
   */
  <T> CompletableFuture<T> read(String step, Supplier<T> blockingReads);

  /**
   * Checks the resource on {@code policy} until {@code check} says ready or failed, bounded by the
   * policy's deadline and the operation's. A throttled check is retried after a short backoff and
   * never ends the wait; checks are paced kit-wide so that many waits spread out.
   *
   * @param check a blocking describe-and-classify; it maps "not found" itself where that is an
   *     answer
   */
  <T> CompletableFuture<T> await(String step, PollingPolicy policy, Supplier<Readiness<T>> check);

  /** {@link #await(String, PollingPolicy, Supplier)} with the kit's policy for {@code kind}. */
  default <T> CompletableFuture<T> await(String step, WaitKind kind, Supplier<Readiness<T>> check) {
    return await(step, policy(kind), check);
  }

  /**
   * As {@link #await(String, PollingPolicy, Supplier)}, sharing each describe with the other waits
   * of this kit on the same {@link SharedDescribe#key()}: one call per round of checks, however
   * many waits look at the resource.
   *
   * @param readiness classifies what the describe returned; a pure function
   */
  default <R, T> CompletableFuture<T> await(
      String step,
      PollingPolicy policy,
      SharedDescribe<R> describe,
      Function<R, Readiness<T>> readiness) {
    return await(step, policy, () -> readiness.apply(describe.call().get()));
  }

  /** {@link #await(String, PollingPolicy, SharedDescribe, Function)} with the kit's policy. */
  default <R, T> CompletableFuture<T> await(
      String step, WaitKind kind, SharedDescribe<R> describe, Function<R, Readiness<T>> readiness) {
    return await(step, policy(kind), describe, readiness);
  }

  /** Reports a status seen outside a wait, e.g. that of a resource being adopted. */
  void observed(String step, String status);

  /**
   * Runs {@code each} for the items one after another, starting none once the operation has
   * stopped; the first failure ends the sequence.
   */
  <I, T> CompletableFuture<List<T>> sequence(List<I> items, Function<I, CompletableFuture<T>> each);

  /**
   * Runs {@code each} for the items, at most {@code parallelism} at once, starting none once the
   * operation has stopped. A failure lets the others run to their end; then the result fails with
   * the first failure in item order. Results come in item order.
   */
  <I, T> CompletableFuture<List<T>> parallel(
      List<I> items, int parallelism, Function<I, CompletableFuture<T>> each);

  /**
   * Runs {@code work} after every work queued before it under {@code key} in this kit has ended
   * (for instance one Fargate profile change per cluster at a time), in the order asked. The turn
   * is taken now, in the caller's thread; if the operation has stopped by the time the turn comes,
   * the work does not run.
   */
  <T> CompletableFuture<T> serialized(String key, Supplier<CompletableFuture<T>> work);
}
