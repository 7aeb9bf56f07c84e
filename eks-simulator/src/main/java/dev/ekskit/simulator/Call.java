package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.Operations;
import java.time.Instant;

/**
 * One recorded call to a simulated client.
 *
 * <pre>{@code
 * Call last = aws.calls().all().get(aws.calls().all().size() - 1);
 * assertThat(last.operation()).isEqualTo("CreateCluster");
 * assertThat(last.errorCode()).isEqualTo("TooManyRequestsException");
 * }</pre>
 *
 * @param service "Eks", "Ec2", "Ssm", "Iam", "AutoScaling" or "ElasticLoadBalancingV2"
 * @param operation the operation as AWS names it, e.g. "CreateCluster"
 * @param at virtual time of the call
 * @param statusCode HTTP status the caller saw (200 on success)
 * @param errorCode AWS error code the caller saw, {@code null} on success
 */
public record Call(String service, String operation, Instant at, int statusCode, String errorCode) {

  /** Whether the caller got a response rather than an exception. */
  public boolean succeeded() {
    return errorCode == null;
  }

  /** Whether the operation can change state: anything but Describe*, List* and Get*. */
  public boolean mutating() {
    return Operations.mutating(operation);
  }
}
