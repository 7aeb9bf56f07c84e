package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKitException;

/** How a failed create call is reported: what may exist now, and how to finish or clean up. */
public final class CreateFailures {
  private CreateFailures() {}

  /**
   * An error for a create call that failed for good. After retries ran out, AWS may have acted
   * before failing, so the message offers both ways on; a refusal means nothing exists.
   *
   * @param what the resource in words, e.g. {@code "the node group"}
   * @param deleteCall how to remove it, e.g. {@code remove it with kit.clusters().delete("orders")}
   */
  public static EksKitException of(
      OperationContext context, String what, String deleteCall, Throwable error) {
    if (error instanceof EksKitException known) {
      return known;
    }
    String outcome =
        AwsErrors.isRetryable(error)
            ? "gave up after "
                + context.engine().retrySettings().maxAttempts()
                + " attempts. AWS may have created "
                + what
                + " before failing: run create again with the same spec to adopt it, or "
                + deleteCall
            : "EKS refused the request; nothing was created";
    return new AwsCallException(
        context.resource(), "create", outcome + ": " + AwsErrors.describe(error), error);
  }
}
