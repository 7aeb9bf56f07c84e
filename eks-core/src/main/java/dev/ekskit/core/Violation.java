package dev.ekskit.core;

/**
 * One broken rule of a spec: which field, which rule, and a sentence for a person.
 *
 * @param field the spec field, dotted for nested values, e.g. {@code "subnetIds[1]"}
 * @param rule a short stable identifier of the rule, e.g. {@code "pattern"} or {@code "min-size"}
 * @param message what is wrong and what is allowed
 */
public record Violation(String field, String rule, String message) {
  @Override
  public String toString() {
    return field + ": " + message + " [" + rule + "]";
  }
}
