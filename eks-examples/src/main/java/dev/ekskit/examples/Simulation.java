package dev.ekskit.examples;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.simulator.SimulatedAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Wires a kit to a simulated AWS: every client (so the kit makes none and can never reach a real
 * account), made-up credentials for tokens, and its virtual clock for every wait.
 */
public final class Simulation {
  private Simulation() {}

  public static EksKit kit(SimulatedAws aws, ProgressListener listener) {
    return EksKit.builder()
        .eksClient(aws.eks())
        .ec2Client(aws.ec2())
        .iamClient(aws.iam())
        .client(SsmClient.class, aws.ssm())
        .client(AutoScalingClient.class, aws.autoScaling())
        .client(ElasticLoadBalancingV2Client.class, aws.elbv2())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSIMULATEDEXAMPLE", "simulated-secret-key")))
        .clock(aws.time().clock())
        .scheduler(aws.time().scheduler())
        .executor(aws.time().scheduler())
        .addListener(listener)
        .jitterSeed(7)
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
                        "Principal":{"Service":"%s"},"Action":"sts:AssumeRole"}]}\
                        """
                            .formatted(service)))
        .role()
        .arn();
  }
}
