package dev.ekskit.core.internal;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Sorts AWS failures into what ekskit does about them. Pure functions of the exception. */
public final class AwsErrors {
  private AwsErrors() {}

  /** What to do about an AWS failure. */
  public enum Kind {
    /** AWS asked us to slow down. */
    THROTTLED,
    /** A 5xx or a network fault: worth another try. */
    TRANSIENT,
    /** The resource does not exist. */
    NOT_FOUND,
    /** The resource exists, or is busy with another change (HTTP 409). */
    IN_USE,
    /** The caller may not do this: retrying will not help. */
    ACCESS_DENIED,
    /** AWS rejected the request itself: retrying will not help. */
    INVALID,
    /** Anything else. */
    OTHER
  }

  public static Kind classify(Throwable error) {
    Throwable e = Failures.unwrap(error);
    if (e instanceof SdkClientException) {
      return Kind.TRANSIENT;
    }
    if (!(e instanceof SdkServiceException service)) {
      return Kind.OTHER;
    }
    if (service.isThrottlingException()) {
      return Kind.THROTTLED;
    }
    String code = errorCode(e).toLowerCase(Locale.ROOT);
    int status = service.statusCode();
    if (code.contains("accessdenied") || code.contains("unauthorized") || status == 403) {
      return Kind.ACCESS_DENIED;
    }
    if (code.contains("notfound")) {
      return Kind.NOT_FOUND;
    }
    if (code.equals("resourceinuseexception") || status == 409) {
      return Kind.IN_USE;
    }
    if (status >= 500 || code.contains("serviceunavailable") || code.contains("internalfailure")) {
      return Kind.TRANSIENT;
    }
    if (code.startsWith("invalid")
        || code.contains("validation")
        || code.contains("unsupported")
        || code.equals("clientexception")
        || status == 400) {
      return Kind.INVALID;
    }
    return status == 404 ? Kind.NOT_FOUND : Kind.OTHER;
  }

  public static boolean is(Throwable error, Kind kind) {
    return classify(error) == kind;
  }

  /** Worth retrying the same call: throttled or transient. */
  public static boolean isRetryable(Throwable error) {
    Kind kind = classify(error);
    return kind == Kind.THROTTLED || kind == Kind.TRANSIENT;
  }

  /** AWS's error code, or empty. */
  public static String errorCode(Throwable error) {
    Throwable e = Failures.unwrap(error);
    if (e instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().errorCode() != null) {
      return aws.awsErrorDetails().errorCode();
    }
    return "";
  }

  /**
   * A short reason for logs and events: code, status and AWS's message, nothing from the request.
   */
  public static String describe(Throwable error) {
    Throwable e = Failures.unwrap(error);
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = errorCode(e);
      return (code.isEmpty() ? "HTTP" : code)
          + " ("
          + aws.statusCode()
          + "): "
          + aws.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
