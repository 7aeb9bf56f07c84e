package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of the open fault API, oldest first: the first live one matching a call answers it. */
public final class FaultRules {
  private final List<ScriptedFault> rules = new ArrayList<>();

  /** A new rule for {@code operation} of {@code service}; it answers nothing until told how. */
  public synchronized ScriptedFault add(String service, String operation) {
    ScriptedFault rule = new ScriptedFault(service, operation);
    rules.add(rule);
    return rule;
  }

  /** The answer of the first rule live in {@code phase} that matches this call, counted. */
  synchronized Optional<ScriptedFault.Answer> take(
      ScriptedFault.Phase phase, Service service, String operation, Object request) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    String javaOperation = OperationNames.javaName(operation);
    for (ScriptedFault rule : rules) {
      Optional<ScriptedFault.Answer> answer = rule.take(phase, service, javaOperation, request);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  synchronized void clear() {
    rules.clear();
  }
}
