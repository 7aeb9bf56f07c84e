package dev.ekskit.core;

/**
 * AWS refused a call in a way that retrying cannot fix: access denied, a validation error, or
 * retries exhausted. The AWS SDK exception is the cause; the message says which step failed and
 * what exists at that point.
 */
public class AwsCallException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final String step;

  public AwsCallException(ResourceRef resource, String step, String message, Throwable cause) {
    super(resource + ", step " + step + ": " + message, cause);
    this.resource = resource;
    this.step = step;
  }

  public ResourceRef resource() {
    return resource;
  }

  public String step() {
    return step;
  }
}
