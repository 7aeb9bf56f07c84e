package dev.ekskit.simulator.internal;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eks.model.AccessDeniedException;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.NotFoundException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.ServiceUnavailableException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;
import software.amazon.awssdk.services.ssm.model.InternalServerErrorException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Builds the exceptions the real SDK would throw: the modeled type, the HTTP status and {@link
 * AwsErrorDetails} with error code, message and service name.
 */
public final class Errors {
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  private Errors() {}

  public static AwsServiceException invalidParameter(String message) {
    return eks(InvalidParameterException.builder(), 400, "InvalidParameterException", message);
  }

  public static AwsServiceException invalidRequest(String message) {
    return eks(InvalidRequestException.builder(), 400, "InvalidRequestException", message);
  }

  public static AwsServiceException notFound(String message) {
    return eks(ResourceNotFoundException.builder(), 404, "ResourceNotFoundException", message);
  }

  /**
   * The tagging APIs answer an unknown ARN with NotFoundException, not ResourceNotFoundException.
   */
  public static AwsServiceException tagTargetNotFound(String arn) {
    return eks(NotFoundException.builder(), 404, "NotFoundException", "Resource not found: " + arn);
  }

  public static AwsServiceException inUse(String message) {
    return eks(ResourceInUseException.builder(), 409, "ResourceInUseException", message);
  }

  public static AwsServiceException ec2(int status, String errorCode, String message) {
    return build(Ec2Exception.builder(), Service.EC2, status, errorCode, message);
  }

  /** What the service answers when its rate limit is exceeded. */
  public static AwsServiceException throttled(Service service) {
    return switch (service) {
      case EKS -> eks(EksException.builder(), 429, "TooManyRequestsException", "Rate exceeded");
      case EC2 -> ec2(503, "RequestLimitExceeded", "Request limit exceeded.");
      case SSM -> ssm(SsmException.builder(), 400, "ThrottlingException", "Rate exceeded");
      case IAM -> iam(IamException.builder(), 400, "Throttling", "Rate exceeded");
      case AUTO_SCALING ->
          autoScaling(AutoScalingException.builder(), 400, "Throttling", "Rate exceeded");
      case ELBV2 ->
          elbv2(ElasticLoadBalancingV2Exception.builder(), 400, "Throttling", "Rate exceeded");
    };
  }

  /**
   * The error the SDK builds when {@code service} answers {@code status} with error {@code code}:
   * the type it models for that code ({@code EntityAlreadyExistsException} for IAM's
   * "EntityAlreadyExists"), else the service's base type, with {@code awsErrorDetails()} set.
   */
  public static AwsServiceException of(Service service, int status, String code, String message) {
    return build(ErrorTypes.builderFor(service, code), service, status, code, message);
  }

  /** A typical error of {@code service} for an HTTP status, for injected failures. */
  public static AwsServiceException forStatus(Service service, int status) {
    if (status == 429) {
      return throttled(service);
    }
    return switch (service) {
      case EKS -> eksForStatus(status);
      case EC2 -> ec2ForStatus(status);
      // The modeled type the SDK unmarshals each service's 5xx code into.
      case SSM ->
          ssm(
              status >= 500 ? InternalServerErrorException.builder() : SsmException.builder(),
              status,
              "InternalServerError",
              "Injected failure");
      case IAM ->
          iam(
              status >= 500 ? ServiceFailureException.builder() : IamException.builder(),
              status,
              "ServiceFailure",
              "Injected failure");
      case AUTO_SCALING ->
          autoScaling(
              AutoScalingException.builder(), status, "InternalFailure", "Injected failure");
      case ELBV2 ->
          elbv2(
              ElasticLoadBalancingV2Exception.builder(),
              status,
              status == 503 ? "ServiceUnavailable" : "InternalFailure",
              "Injected failure");
    };
  }

  private static AwsServiceException eksForStatus(int status) {
    return switch (status) {
      case 400 -> invalidRequest("Injected failure");
      case 403 ->
          eks(
              AccessDeniedException.builder(),
              403,
              "AccessDeniedException",
              "Injected access denial");
      case 404 -> notFound("Injected failure");
      case 409 -> inUse("Injected conflict");
      case 503 ->
          eks(
              ServiceUnavailableException.builder(),
              503,
              "ServiceUnavailableException",
              "Service unavailable");
      default -> eks(EksException.builder(), status, "InternalFailure", "Injected failure");
    };
  }

  private static AwsServiceException ec2ForStatus(int status) {
    return switch (status) {
      case 400 -> ec2(400, "InvalidParameterValue", "Injected failure");
      case 403 ->
          ec2(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
      case 503 -> ec2(503, "Unavailable", "The service is unavailable. Please try again shortly.");
      default -> ec2(status, "InternalError", "An internal error has occurred.");
    };
  }

  /** An SSM error of the given modeled type. */
  public static AwsServiceException ssm(
      SsmException.Builder builder, int status, String code, String message) {
    return build(builder, Service.SSM, status, code, message);
  }

  /** An IAM error of the given modeled type. */
  public static AwsServiceException iam(
      IamException.Builder builder, int status, String code, String message) {
    return build(builder, Service.IAM, status, code, message);
  }

  /** An Auto Scaling error of the given modeled type. */
  public static AwsServiceException autoScaling(
      AutoScalingException.Builder builder, int status, String code, String message) {
    return build(builder, Service.AUTO_SCALING, status, code, message);
  }

  /** An Elastic Load Balancing (v2) error of the given modeled type. */
  public static AwsServiceException elbv2(
      ElasticLoadBalancingV2Exception.Builder builder, int status, String code, String message) {
    return build(builder, Service.ELBV2, status, code, message);
  }

  /** Auto Scaling's answer to most bad requests, a missing group included. */
  public static AwsServiceException validationError(String message) {
    return autoScaling(AutoScalingException.builder(), 400, "ValidationError", message);
  }

  private static AwsServiceException eks(
      EksException.Builder builder, int status, String code, String message) {
    return build(builder, Service.EKS, status, code, message);
  }

  private static AwsServiceException build(
      AwsServiceException.Builder builder,
      Service service,
      int status,
      String code,
      String message) {
    String requestId = "sim-" + REQUEST_IDS.incrementAndGet();
    return builder
        .statusCode(status)
        .message(message)
        .requestId(requestId)
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName(service.sdkName())
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build())
        .build();
  }
}
