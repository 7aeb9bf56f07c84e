package dev.ekskit.simulator.internal;

/** What AWS's operation names say about them. */
public final class Operations {
  private Operations() {}

  /** Whether the operation can change state: anything but Describe*, List* and Get*. */
  public static boolean mutating(String operation) {
    return !(operation.startsWith("Describe")
        || operation.startsWith("List")
        || operation.startsWith("Get"));
  }
}
