package dev.ekskit.core;

/**
 * Root of every exception ekskit throws. Unchecked, like the AWS SDK's own; the AWS exception that
 * caused it, if any, stays attached as {@link #getCause()}.
 */
public class EksKitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EksKitException(String message) {
    super(message);
  }

  public EksKitException(String message, Throwable cause) {
    super(message, cause);
  }
}
