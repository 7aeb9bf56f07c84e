package dev.ekskit.simulator.internal;

import java.util.regex.Pattern;

/** The naming rules EKS enforces on clusters, node groups, Fargate profiles. */
final class Names {
  private static final Pattern NAME = Pattern.compile("^[0-9A-Za-z][A-Za-z0-9\\-_]*");

  private Names() {}

  static void requireValid(String kind, String name, int maxLength) {
    if (name == null
        || name.isEmpty()
        || name.length() > maxLength
        || !NAME.matcher(name).matches()) {
      throw Errors.invalidParameter(
          "Invalid "
              + kind
              + " name '"
              + name
              + "': it must be 1 to "
              + maxLength
              + " characters matching "
              + NAME.pattern());
    }
  }

  static void requirePresent(String field, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw Errors.invalidParameter(field + " is required");
    }
  }

  /** Idempotency: a repeat counts only when both requests carry the same clientRequestToken. */
  static boolean sameRequest(String originalToken, String repeatToken) {
    return originalToken != null && originalToken.equals(repeatToken);
  }
}
