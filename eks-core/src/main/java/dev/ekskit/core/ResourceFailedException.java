package dev.ekskit.core;

import java.util.List;

/**
 * A resource reached a state it will not leave on its own (for example {@code FAILED}, {@code
 * CREATE_FAILED}, an update {@code Failed}, or {@code DELETING} while waiting for {@code ACTIVE}).
 * Carries AWS's health issues and a hint; the resource still exists in AWS unless the status says
 * otherwise, and {@link #cleanup()} says how to remove it.
 */
public class ResourceFailedException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final String status;
  private final List<HealthIssue> issues;
  private final String hint;
  private final String cleanup;

  public ResourceFailedException(
      ResourceRef resource, String status, List<HealthIssue> issues, String hint, String cleanup) {
    super(render(resource, status, issues, hint, cleanup));
    this.resource = resource;
    this.status = status;
    this.issues = List.copyOf(issues);
    this.hint = hint;
    this.cleanup = cleanup;
  }

  public ResourceRef resource() {
    return resource;
  }

  /** The status AWS reported, e.g. {@code FAILED} or {@code Failed} for an update. */
  public String status() {
    return status;
  }

  public List<HealthIssue> issues() {
    return issues;
  }

  /** What usually causes this and what to check; empty when nothing specific is known. */
  public String hint() {
    return hint;
  }

  /** How to remove what was left behind; empty when nothing was left. */
  public String cleanup() {
    return cleanup;
  }

  private static String render(
      ResourceRef resource, String status, List<HealthIssue> issues, String hint, String cleanup) {
    StringBuilder text = new StringBuilder(resource + " is " + status);
    issues.forEach(issue -> text.append("\n  - ").append(issue));
    if (!hint.isEmpty()) {
      text.append("\nHint: ").append(hint);
    }
    if (!cleanup.isEmpty()) {
      text.append("\nCleanup: ").append(cleanup);
    }
    return text.toString();
  }
}
