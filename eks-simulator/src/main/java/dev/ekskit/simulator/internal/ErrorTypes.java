package dev.ekskit.simulator.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.IdempotentParameterMismatchErrorException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AlpnPolicyNotSupportedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityDecreaseRequestsLimitExceededException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicyNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStoreAssociationNotFoundException;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.DuplicateSshPublicKeyException;
import software.amazon.awssdk.services.iam.model.ServiceNotSupportedException;

/**
 * The modeled exception type the SDK unmarshals an error code into, per service. The SDK names that
 * type after the code ("NoSuchEntity" → {@code NoSuchEntityException}, "ResourceInUseException" →
 * itself), but for the few codes listed here; a code the service does not model gives the service's
 * base exception (EC2 models none: always {@code Ec2Exception}).
 */
final class ErrorTypes {
  /** Codes whose type the SDK (2.57) names otherwise, read from its clients' error tables. */
  private static final Map<Service, Map<String, Supplier<AwsServiceException.Builder>>> IRREGULAR =
      Map.of(
          Service.IAM,
          Map.of(
              "NotSupportedService", ServiceNotSupportedException::builder,
              "ReportInProgress", CredentialReportNotReadyException::builder,
              "DuplicateSSHPublicKey", DuplicateSshPublicKeyException::builder,
              "ReportExpired", CredentialReportExpiredException::builder,
              "ReportNotPresent", CredentialReportNotPresentException::builder),
          Service.AUTO_SCALING,
          Map.of("IdempotentParameterMismatch", IdempotentParameterMismatchErrorException::builder),
          Service.ELBV2,
          Map.of(
              "CapacityDecreaseRequestLimitExceeded",
              CapacityDecreaseRequestsLimitExceededException::builder,
              "SSLPolicyNotFound",
              SslPolicyNotFoundException::builder,
              "ALPNPolicyNotFound",
              AlpnPolicyNotSupportedException::builder,
              "AssociationNotFound",
              TrustStoreAssociationNotFoundException::builder));

  private static final Map<String, Class<?>> BY_SERVICE_AND_CODE = new ConcurrentHashMap<>();

  private ErrorTypes() {}

  /** A builder of the type the SDK gives {@code code} from {@code service}. */
  static AwsServiceException.Builder builderFor(Service service, String code) {
    Supplier<AwsServiceException.Builder> irregular =
        IRREGULAR.getOrDefault(service, Map.of()).get(code);
    if (irregular != null) {
      return irregular.get();
    }
    Class<?> type =
        BY_SERVICE_AND_CODE.computeIfAbsent(
            service.sdkName() + "/" + code,
            key -> modeledType(service, code).orElseGet(service::baseException));
    return newBuilder(type);
  }

  private static Optional<Class<?>> modeledType(Service service, String code) {
    String name = code.endsWith("Exception") ? code : code + "Exception";
    return service.modelClass(name).filter(type -> service.baseException().isAssignableFrom(type));
  }

  private static AwsServiceException.Builder newBuilder(Class<?> type) {
    try {
      return (AwsServiceException.Builder) type.getMethod("builder").invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Every SDK exception has a static builder(): " + type, e);
    }
  }
}
