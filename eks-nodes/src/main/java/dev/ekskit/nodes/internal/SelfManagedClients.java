package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.KitContext;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The kit's clients every self-managed node group operation needs, taken when the operation starts,
 * so that a kit without one of them fails before any call.
 */
public record SelfManagedClients(
    EksClient eks, Ec2Client ec2, IamClient iam, AutoScalingClient autoScaling) {

  public static SelfManagedClients of(KitContext kit) {
    return new SelfManagedClients(
        kit.client(EksClient.class),
        kit.client(Ec2Client.class),
        kit.client(IamClient.class),
        kit.client(AutoScalingClient.class));
  }
}
