package dev.ekskit.core.spi;

import dev.ekskit.core.AwsCallException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Sorts AWS failures into what ekskit does about them. Pure functions of the exception, for module
 * authors: the engine retries by the same rules.
 *
 * <pre>{@code
 * if (AwsErrors.saysItExists(error)) {
 *   return describeAndAdopt();
 * }
 * }</pre>
 */
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
    Throwable e = awsCause(error);
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
    if (code.equals("resourceinuseexception") || code.equals("resourceinuse") || status == 409) {
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

  /**
   * Whether AWS answered "it is there": EKS's 409 {@code ResourceInUseException}, IAM's {@code
   * EntityAlreadyExists}, Auto Scaling's {@code AlreadyExists}, EC2's {@code ...AlreadyExists...}
   * and {@code ...Duplicate...} codes. After a lost response this is the normal answer to a
   * repeated create, to be read as "describe it and adopt it".
   */
  public static boolean saysItExists(Throwable error) {
    String code = errorCode(error).toLowerCase(Locale.ROOT);
    return is(error, Kind.IN_USE) || code.contains("alreadyexists") || code.contains("duplicate");
  }

  /**
   * Whether EKS refused a role because it cannot assume it: the role's trust does not name the
   * service, or IAM has not propagated a role made moments ago (EKS gives the same answer for
   * both). CreateCluster says the role "could not be assumed", CreateNodegroup that principals
   * "were not found in the trust relationships", CreateFargateProfile "Misconfigured
   * PodExecutionRole Trust Policy".
   */
  public static boolean saysRoleNotAssumable(Throwable error) {
    if (!is(error, Kind.INVALID)) {
      return false;
    }
    String message = describe(error).toLowerCase(Locale.ROOT);
    return message.contains("assume") || message.contains("trust");
  }

  /** The result of {@code describe}, or empty when AWS answers that the resource does not exist. */
  public static <T> Optional<T> absentAsEmpty(Supplier<Optional<T>> describe) {
    try {
      return describe.get();
    } catch (RuntimeException e) {
      if (is(e, Kind.NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Runs a delete; false when AWS says there is nothing to delete ("not found" is done), true when
   * this call deleted it.
   *
   * <pre>{@code
   * boolean deleted = AwsErrors.deletedUnlessGone(() -> ec2.deleteSecurityGroup(r -> r.groupId(id)));
   * }</pre>
   */
  public static boolean deletedUnlessGone(Supplier<?> delete) {
    try {
      delete.get();
      return true;
    } catch (RuntimeException e) {
      if (is(e, Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  /** The error inside the layers that futures wrap around it. */
  public static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /**
   * The AWS error behind {@code error}: through futures' wrappers and through the {@link
   * AwsCallException} a failed step wraps it in.
   */
  private static Throwable awsCause(Throwable error) {
    Throwable e = unwrap(error);
    while (e instanceof AwsCallException && e.getCause() != null) {
      e = unwrap(e.getCause());
    }
    return e;
  }

  /** The service that answered, as the SDK names it ({@code Eks}, {@code Iam}, ...), or empty. */
  public static String serviceName(Throwable error) {
    Throwable e = awsCause(error);
    if (e instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().serviceName() != null) {
      return aws.awsErrorDetails().serviceName();
    }
    return "";
  }

  /**
   * The service that answered, as people write it ({@code EKS}, {@code Auto Scaling}); else "AWS".
   */
  public static String serviceTitle(Throwable error) {
    return switch (serviceName(error)) {
      case "" -> "AWS";
      case "Eks" -> "EKS";
      case "Ec2" -> "EC2";
      case "Iam" -> "IAM";
      case "Ssm" -> "SSM";
      case "Sts" -> "STS";
      case "AutoScaling" -> "Auto Scaling";
      default -> serviceName(error);
    };
  }

  /** AWS's error code, or empty. */
  public static String errorCode(Throwable error) {
    Throwable e = awsCause(error);
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
    Throwable e = awsCause(error);
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = errorCode(e);
      return (serviceName(e).isEmpty() ? "" : serviceTitle(e) + " ")
          + (code.isEmpty() ? "HTTP" : code)
          + " ("
          + aws.statusCode()
          + "): "
          + aws.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
