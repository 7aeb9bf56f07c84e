package dev.ekskit.nodes.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The clients a self-managed node group needs. IAM and Auto Scaling come through suppliers so that
 * clients from the SDK's default chain are made only when first used.
 */
public record SelfManagedClients(
    EksClient eks,
    Ec2Client ec2,
    Supplier<IamClient> iamSupplier,
    Supplier<AutoScalingClient> autoScalingSupplier,
    AmiResolution amis) {

  public IamClient iam() {
    return iamSupplier.get();
  }

  public AutoScalingClient autoScaling() {
    return autoScalingSupplier.get();
  }
}
