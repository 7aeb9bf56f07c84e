package dev.ekskit.testkit.internal;

/** The simulated services, as the SDK names them in {@code AwsErrorDetails.serviceName()}. */
public enum Service {
  EKS("Eks"),
  EC2("Ec2"),
  SSM("Ssm"),
  IAM("Iam"),
  AUTO_SCALING("AutoScaling");

  private final String sdkName;

  Service(String sdkName) {
    this.sdkName = sdkName;
  }

  public String sdkName() {
    return sdkName;
  }
}
