package dev.ekskit.testkit;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.simulator.SimulatedAws;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * An {@link EksKit} on a {@link SimulatedAws} in one call, wired the only safe way: every client of
 * the simulation (so the kit makes none of its own and can never reach a real account), made-up
 * static credentials for tokens, and the simulation's virtual clock as clock, scheduler and
 * executor (so a 40-minute wait takes milliseconds, and nothing runs ahead of virtual time).
 *
 * <pre>{@code
 * try (SimulatedAws aws = SimulatedAws.create();
 *     EksKit kit = SimulatedKit.create(aws)) {
 *   List<String> subnets = aws.createVpcWithSubnets(2);
 *   kit.clusters().create(spec -> spec.name("orders").kubernetesVersion("1.33")
 *       .roleArn(role).subnetIds(subnets)).join();
 * }
 * }</pre>
 *
 * <p>To add listeners, policies or a deadline, start from {@link #builder(SimulatedAws)}: it is an
 * ordinary {@link EksKit.Builder}. In JUnit 5, {@link SimulatedAwsTest} injects both.
 */
public final class SimulatedKit {
  /** Made-up credentials: tokens signed on a simulated kit never come from the default chain. */
  public static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIDSIMULATEDEXAMPLE", "simulated-secret-key"));

  /** The role ARN {@link #activeCluster} creates clusters with. */
  public static final String CLUSTER_ROLE = "arn:aws:iam::123456789012:role/eks-cluster";

  /** Jitter is seeded, so a test on the same simulation seed sees the same calls every run. */
  private static final long JITTER_SEED = 1;

  private SimulatedKit() {}

  /** A kit on {@code aws}; close it before {@code aws}. */
  public static EksKit create(SimulatedAws aws) {
    return builder(aws).build();
  }

  /** A kit builder already wired to {@code aws}; add what your test needs, then {@code build()}. */
  public static EksKit.Builder builder(SimulatedAws aws) {
    Objects.requireNonNull(aws, "aws");
    return EksKit.builder()
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
        .jitterSeed(JITTER_SEED);
  }

  /**
   * Creates cluster {@code name} (Kubernetes 1.33, role {@link #CLUSTER_ROLE}) on {@code subnets}
   * and waits until it is ACTIVE: where most node-group, Fargate and add-on tests start.
   */
  public static ClusterInfo activeCluster(EksKit kit, String name, List<String> subnets) {
    return kit.clusters()
        .create(
            spec ->
                spec.name(name).kubernetesVersion("1.33").roleArn(CLUSTER_ROLE).subnetIds(subnets))
        .join();
  }
}
