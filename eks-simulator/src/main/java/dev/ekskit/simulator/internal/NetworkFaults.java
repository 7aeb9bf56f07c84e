package dev.ekskit.simulator.internal;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/** NAT gateways a test asked to end {@code failed}, in the order they are created. */
public final class NetworkFaults {
  /** EC2's failure code and message of a failed NAT gateway. */
  record Failure(String code, String message) {}

  private final Queue<Failure> natGateways = new ArrayDeque<>();

  public synchronized void failNextNatGateway(String code, String message) {
    natGateways.add(new Failure(code, message));
  }

  synchronized Optional<Failure> takeNatGatewayFailure() {
    return Optional.ofNullable(natGateways.poll());
  }

  synchronized void clear() {
    natGateways.clear();
  }
}
