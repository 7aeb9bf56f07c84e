package dev.ekskit.core.sim;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.simulator.SimulatedAws;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Kits on a simulated AWS for the tests of every module (published in eks-core's test-jar): every
 * client of the simulation (so the kit makes none of its own), made-up credentials, and its virtual
 * clock and single scheduler for both waits and calls.
 */
public final class SimulatedKits {
  /** Made-up credentials: tokens signed on a simulated kit never come from the default chain. */
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIDSIMULATEDEXAMPLE", "simulated-secret-key"));

  /** The role ARN test clusters are created with. */
  public static final String CLUSTER_ROLE = "arn:aws:iam::123456789012:role/eks-cluster";

  private SimulatedKits() {}

  public static EksKit kit(SimulatedAws aws, ProgressListener listener) {
    return kit(aws, listener, builder -> builder);
  }

  public static EksKit kit(
      SimulatedAws aws, ProgressListener listener, UnaryOperator<EksKit.Builder> tuning) {
    return tuning
        .apply(
            EksKit.builder()
                .eksClient(aws.eks())
                .ec2Client(aws.ec2())
                .iamClient(aws.iam())
                .client(SsmClient.class, aws.ssm())
                .client(AutoScalingClient.class, aws.autoScaling())
                .client(ElasticLoadBalancingV2Client.class, aws.elbv2())
                .credentialsProvider(CREDENTIALS)
                .clock(aws.time().clock())
                .scheduler(aws.time().scheduler())
                .executor(aws.time().scheduler())
                .addListener(listener)
                .jitterSeed(1))
        .build();
  }

  /** Creates cluster {@code name} (Kubernetes 1.33) on {@code subnets} and waits until ACTIVE. */
  public static ClusterInfo activeCluster(EksKit kit, String name, List<String> subnets) {
    return kit.clusters()
        .create(
            ClusterSpec.builder()
                .name(name)
                .kubernetesVersion("1.33")
                .roleArn(CLUSTER_ROLE)
                .subnetIds(subnets)
                .build())
        .join();
  }
}
