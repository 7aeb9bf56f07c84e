package dev.ekskit.examples;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.testkit.SimulatedAws;

/** Wires a kit to a simulated AWS: its clients, and its virtual clock for every wait. */
public final class Simulation {
  private Simulation() {}

  public static EksKit kit(SimulatedAws aws, ProgressListener listener) {
    return EksKit.builder()
        .eksClient(aws.eks())
        .ec2Client(aws.ec2())
        .clock(aws.time().clock())
        .scheduler(aws.time().scheduler())
        .executor(aws.time().scheduler())
        .addListener(listener)
        .jitterSeed(7)
        .build();
  }

  /** Node groups with the simulation's SSM, IAM and Auto Scaling. */
  public static Nodegroups nodegroups(EksKit kit, SimulatedAws aws) {
    return Nodegroups.builder(kit)
        .ssmClient(aws.ssm())
        .iamClient(aws.iam())
        .autoScalingClient(aws.autoScaling())
        .build();
  }

  /** Creates an IAM role that {@code service} may assume and returns its ARN. */
  public static String role(SimulatedAws aws, String name, String service) {
    return aws.iam()
        .createRole(
            r ->
                r.roleName(name)
                    .assumeRolePolicyDocument(
                        """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                        "Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}"""
                            .formatted(service)))
        .role()
        .arn();
  }
}
