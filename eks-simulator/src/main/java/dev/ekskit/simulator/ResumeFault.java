package dev.ekskit.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault at one mutating call, for tests that a resumable operation survives it: AWS acts and the
 * answer is lost, or the process stops right after (the caller's {@code stopping} action runs
 * inside the call, e.g. closing the kit). Run your workflow once cleanly, then once per fault:
 *
 * <pre>{@code
 * List<Call> acted = ResumeFault.acted(cleanRun);           // the mutating calls that took effect
 * for (ResumeFault fault : ResumeFault.atEach(acted)) {
 *   try (SimulatedAws aws = SimulatedAws.create()) {
 *     fault.arm(aws, process::stop);
 *     runWorkflowUntilItSucceeds(aws);                     // same call again on a new kit
 *     assertThat(AccountLeftovers.of(aws, Set.of())).isEmpty();   // after its delete
 *   }
 * }
 * }</pre>
 *
 * @param operation the mutating call, e.g. {@code CreateCluster}
 * @param occurrence which of its calls, counting from 1
 * @param stop whether the process stops (else the answer is lost)
 */
public record ResumeFault(String operation, int occurrence, boolean stop) {
  /** Both faults at each of {@code acted}, the mutating calls a clean run made, in order. */
  public static List<ResumeFault> atEach(List<Call> acted) {
    List<ResumeFault> faults = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Call call : acted) {
      int occurrence = seen.merge(call.operation(), 1, Integer::sum);
      faults.add(new ResumeFault(call.operation(), occurrence, false));
      faults.add(new ResumeFault(call.operation(), occurrence, true));
    }
    return faults;
  }

  /** The mutating calls that acted: succeeded, or committed and then lost their answer. */
  public static List<Call> acted(SimulatedAws aws) {
    return aws.calls().all().stream().filter(Call::mutating).filter(Call::succeeded).toList();
  }

  /** Arms this fault on {@code aws}; {@code stop} is what the process does when it stops. */
  public void arm(SimulatedAws aws, Runnable stopping) {
    if (stop) {
      aws.faults().afterCommit(operation, occurrence, stopping);
    } else {
      aws.faults().commitThenFail(operation, occurrence, 500);
    }
  }

  @Override
  public String toString() {
    return (stop ? "stop after " : "answer lost after ") + operation + " #" + occurrence;
  }
}
