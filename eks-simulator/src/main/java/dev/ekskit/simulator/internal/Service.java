package dev.ekskit.simulator.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The simulated services, as the SDK names them in {@code AwsErrorDetails.serviceName()}. */
public enum Service {
  EKS("Eks", EksClient.class, EksClient.SERVICE_NAME),
  EC2("Ec2", Ec2Client.class, Ec2Client.SERVICE_NAME),
  SSM("Ssm", SsmClient.class, SsmClient.SERVICE_NAME),
  IAM("Iam", IamClient.class, IamClient.SERVICE_NAME),
  AUTO_SCALING("AutoScaling", AutoScalingClient.class, AutoScalingClient.SERVICE_NAME),
  ELBV2(
      "ElasticLoadBalancingV2",
      ElasticLoadBalancingV2Client.class,
      ElasticLoadBalancingV2Client.SERVICE_NAME);

  private final String sdkName;
  private final Class<?> client;
  private final String clientServiceName;

  Service(String sdkName, Class<?> client, String clientServiceName) {
    this.sdkName = sdkName;
    this.client = client;
    this.clientServiceName = clientServiceName;
  }

  public String sdkName() {
    return sdkName;
  }

  /**
   * The service named as in {@link #sdkName()} ("Iam"), or the one service whose SDK client has the
   * operation ("CreateRole"). Operations several services share, such as "DeleteTags", need the
   * service name.
   */
  public static Service named(String operationOrService) {
    if (operationOrService.isEmpty()) {
      throw new IllegalArgumentException("Name an operation or a service");
    }
    for (Service service : values()) {
      if (service.sdkName.equals(operationOrService)) {
        return service;
      }
    }
    List<Service> having =
        Arrays.stream(values()).filter(s -> s.hasOperation(operationOrService)).toList();
    if (having.size() != 1) {
      throw new IllegalArgumentException(
          (having.isEmpty() ? "No simulated service has operation " : "Several services have ")
              + operationOrService
              + "; name the service instead: Eks, Ec2, Ssm, Iam, AutoScaling or"
              + " ElasticLoadBalancingV2");
    }
    return having.get(0);
  }

  /**
   * The service a client's name stands for, in any case: its package and artifact name ("eks",
   * "autoscaling", "elasticloadbalancingv2", also {@link #sdkName()}), or its client's {@code
   * SERVICE_NAME} ({@code ElasticLoadBalancingV2Client.SERVICE_NAME} is "elasticloadbalancing").
   */
  public static Service ofClient(String name) {
    for (Service service : values()) {
      if (service.sdkName.equalsIgnoreCase(name) || service.clientServiceName.equals(name)) {
        return service;
      }
    }
    throw new IllegalArgumentException(
        "No simulated service is named "
            + name
            + "; name one as the SDK does: eks, ec2, ssm, iam, autoscaling or"
            + " elasticloadbalancingv2");
  }

  /** The request class of {@code operation} ("CreateRole" → {@code CreateRoleRequest}). */
  public Class<?> requestType(String operation) {
    return operationClass(operation, "Request").orElseThrow(() -> noSuchOperation(operation));
  }

  /** The response class of {@code operation} ("CreateRole" → {@code CreateRoleResponse}). */
  public Class<?> responseType(String operation) {
    return operationClass(operation, "Response").orElseThrow(() -> noSuchOperation(operation));
  }

  /** The SDK's base exception of this service, e.g. {@code EksException}. */
  Class<?> baseException() {
    return modelClass(sdkName + "Exception").orElseThrow();
  }

  /** The class {@code simpleName} of this service's model package, if the SDK has it. */
  Optional<Class<?>> modelClass(String simpleName) {
    try {
      return Optional.of(
          Class.forName(
              client.getPackageName() + ".model." + simpleName, false, client.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the SDK models {@code operation} for this service: each has its {@code <Op>Request}
   * class. Looked up by name, since listing a client's methods loads its whole model (seconds for
   * EC2).
   */
  private boolean hasOperation(String operation) {
    return operationClass(operation, "Request").isPresent();
  }

  /** {@code operation} as AWS spells it or as the SDK does ("CreateOpenIDConnectProvider"). */
  private Optional<Class<?>> operationClass(String operation, String suffix) {
    Optional<Class<?>> found = modelClass(operation + suffix);
    return found.isPresent() ? found : modelClass(OperationNames.javaName(operation) + suffix);
  }

  private IllegalArgumentException noSuchOperation(String operation) {
    return new IllegalArgumentException(
        "The " + sdkName + " SDK client has no operation " + operation);
  }
}
