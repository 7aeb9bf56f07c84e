package dev.ekskit.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a long-running operation such as creating a cluster. The work runs on the kit's
 * scheduler; no thread is held while it waits. The kit's {@code operationDeadline} bounds it, all
 * its steps and nested work together: at the deadline it ends with a {@link WaitTimeoutException}
 * naming the step, and makes no further call.
 *
 * <pre>{@code
 * Operation<ClusterInfo> creating = kit.clusters().create(spec);
 * creating.lastStatus();                                   // e.g. "CREATING"
 * ClusterInfo cluster = creating.await(Duration.ofMinutes(40));
 * }</pre>
 *
 * @param <T> the result
 */
public interface Operation<T> {
  /** The resource this operation works on. */
  ResourceRef resource();

  /**
   * A future completed with the result, or exceptionally with an {@link EksKitException}.
   * Completing or cancelling the returned future does not affect the operation: use {@link
   * #cancel()}.
   */
  CompletableFuture<T> completionFuture();

  /**
   * Blocks until the operation ends and returns its result or throws its {@link EksKitException}.
   */
  T join();

  /**
   * Waits at most {@code timeout}, measured on the kit's clock, for the result.
   *
   * @throws WaitTimeoutException when the time runs out; the operation continues in the background
   */
  T await(Duration timeout);

  /**
   * Stops the operation and everything it started (nested creates, waits, queued turns): no further
   * call or check is made, and the result completes with an {@link OperationCancelledException}.
   * Nothing is deleted; what was created stays, and running the same operation again resumes it.
   *
   * @return false if the operation had already ended
   */
  boolean cancel();

  /**
   * The status last observed, e.g. {@code "CREATING"}; {@code "NOT_STARTED"} before the first
   * check.
   */
  String lastStatus();

  boolean isDone();
}
