package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.CallLog;
import java.util.List;

/**
 * The log of every call made through the clients of a {@link SimulatedAws}, throttled and failed
 * attempts included. Setup helpers such as {@link SimulatedAws#createVpcWithSubnets(int)} are not
 * recorded.
 *
 * <pre>{@code
 * assertThat(aws.calls().mutatingCount()).isZero();          // a plan made no changes
 * assertThat(aws.calls().count("CreateCluster")).isEqualTo(1);
 * }</pre>
 */
public final class Calls {
  private final CallLog log;

  Calls(CallLog log) {
    this.log = log;
  }

  /**
   * How many calls of {@code operation} (e.g. "DescribeCluster") were made, whatever their outcome.
   */
  public int count(String operation) {
    return (int) log.snapshot().stream().filter(call -> call.operation().equals(operation)).count();
  }

  /** How many calls of operations that can change state were made, whatever their outcome. */
  public int mutatingCount() {
    return (int) log.snapshot().stream().filter(Call::mutating).count();
  }

  /** Every call so far, oldest first. */
  public List<Call> all() {
    return log.snapshot();
  }

  /** Forgets every call so far, e.g. after a test's setup. */
  public void clear() {
    log.clear();
  }
}
