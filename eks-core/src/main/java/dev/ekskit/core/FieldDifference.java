package dev.ekskit.core;

/**
 * One field where an existing resource differs from the spec that asked for it.
 *
 * @param field the spec field
 * @param wanted the value the spec asks for
 * @param actual the value the existing resource has
 */
public record FieldDifference(String field, String wanted, String actual) {
  @Override
  public String toString() {
    return field + ": wanted " + wanted + ", found " + actual;
  }
}
