package dev.ekskit.simulator.internal;

import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The simulated services, as the SDK names them in {@code AwsErrorDetails.serviceName()}. */
public enum Service {
  EKS("Eks", EksClient.class),
  EC2("Ec2", Ec2Client.class),
  SSM("Ssm", SsmClient.class),
  IAM("Iam", IamClient.class),
  AUTO_SCALING("AutoScaling", AutoScalingClient.class),
  ELBV2("ElasticLoadBalancingV2", ElasticLoadBalancingV2Client.class);

  private final String sdkName;
  private final Class<?> client;

  Service(String sdkName, Class<?> client) {
    this.sdkName = sdkName;
    this.client = client;
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
   * Whether the SDK models {@code operation} for this service: each has its {@code <Op>Request}
   * class. Looked up by name, since listing a client's methods loads its whole model (seconds for
   * EC2).
   */
  private boolean hasOperation(String operation) {
    try {
      Class.forName(
          client.getPackageName() + ".model." + operation + "Request",
          false,
          client.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
