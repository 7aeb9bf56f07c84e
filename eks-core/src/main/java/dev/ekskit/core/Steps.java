package dev.ekskit.core;

import java.util.regex.Pattern;

/**
 * The names of the steps operations report in {@link ProgressEvent#step()}, in one place, so a
 * listener can match on them and every module spells them alike: a lower-case verb, then what it
 * acts on; a state is spelled as AWS spells it ({@code "wait ACTIVE"}), anything else in lower case
 * ({@code "wait deleted"}).
 *
 * <pre>{@code
 * ProgressListener waits = event -> {
 *   if (event instanceof ProgressEvent.StepStarted started
 *       && started.step().equals(Steps.WAIT_ACTIVE)) {
 *     System.out.println(started.resource() + " expected in " + started.expected());
 *   }
 * };
 * }</pre>
 */
public final class Steps {
  /** The create call of a resource. */
  public static final String CREATE = "create";

  /** A read of the resource's current state. */
  public static final String DESCRIBE = "describe";

  /** An update call. */
  public static final String UPDATE = "update";

  /** The delete call of a resource. */
  public static final String DELETE = "delete";

  /** Waiting until the resource is ACTIVE. */
  public static final String WAIT_ACTIVE = waitFor("ACTIVE");

  /** Waiting until the resource is gone. */
  public static final String WAIT_DELETED = waitFor("deleted");

  /** Waiting until an EC2 resource (a NAT gateway, ...) is available. */
  public static final String WAIT_AVAILABLE = waitFor("available");

  /** Waiting until no update of the resource is in progress. */
  public static final String WAIT_IDLE = waitFor("idle");

  /**
   * What every step name looks like: a lower-case verb, then words (states as AWS spells them) and
   * ids separated by single spaces.
   */
  public static final Pattern FORM = Pattern.compile("[a-z]+( [A-Za-z0-9][A-Za-z0-9_./:-]*)*");

  private Steps() {}

  /** Waiting until the resource reaches {@code state}, e.g. {@code waitFor("ACTIVE")}. */
  public static String waitFor(String state) {
    return "wait " + state;
  }

  /** Waiting until the update {@code updateId} has finished. */
  public static String waitUpdate(String updateId) {
    return "wait update " + updateId;
  }

  /** Looking up {@code what}, e.g. {@code find("role")}. */
  public static String find(String what) {
    return "find " + what;
  }

  /** Checking {@code what} before acting, e.g. {@code check("versions")}. */
  public static String check(String what) {
    return "check " + what;
  }
}
