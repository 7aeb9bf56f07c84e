package dev.ekskit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec breaks one or more rules. Thrown by {@code build()} for rules that need no AWS call, and
 * by an operation's first step for rules checked against the account (subnets exist, span two
 * zones); in both cases before anything is created. Lists every violation at once.
 */
public class InvalidSpecException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final String specType;
  private final List<Violation> violations;

  public InvalidSpecException(String specType, List<Violation> violations) {
    super(render(specType, violations));
    this.specType = specType;
    this.violations = List.copyOf(violations);
  }

  /** The simple name of the spec that failed, e.g. {@code "ClusterSpec"}. */
  public String specType() {
    return specType;
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String render(String specType, List<Violation> violations) {
    return violations.stream()
        .map(v -> "  - " + v)
        .collect(
            Collectors.joining(
                "\n",
                specType
                    + " is invalid ("
                    + violations.size()
                    + " violation"
                    + (violations.size() == 1 ? "" : "s")
                    + "):\n",
                ""));
  }
}
