package dev.ekskit.testkit;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.RetrySettings;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Kits and networks for tests against moto_server (see {@link dev.ekskit.simulator.moto.MotoTest}),
 * where every transition is instant: the kit polls at once and often, and retries quickly.
 *
 * <pre>{@code
 * @MotoTest
 * class RolesAgainstMotoTest {
 *   @Test
 *   void create_role_exists(MotoAccount moto) {
 *     try (EksClient eks = moto.client(EksClient.builder());
 *         Ec2Client ec2 = moto.client(Ec2Client.builder());
 *         IamClient iam = moto.client(IamClient.builder());
 *         EksKit kit = EmulatedKit.builder(eks, ec2).iamClient(iam).build()) {
 *       List<String> subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
 *       // ... exercise your code, then read moto with the same clients
 *     }
 *   }
 * }
 * }</pre>
 */
public final class EmulatedKit {
  /** moto answers ACTIVE at once: look at once, and often. */
  public static final PollingPolicy FAST =
      PollingPolicy.of(Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(30));

  /** moto answers at once, so a fault is retried after milliseconds. */
  public static final RetrySettings QUICK_RETRIES =
      new RetrySettings(4, Duration.ofMillis(10), 2.0, Duration.ofMillis(100));

  private EmulatedKit() {}

  /** A kit on these two clients. */
  public static EksKit kit(EksClient eks, Ec2Client ec2) {
    return kit(eks, ec2, event -> {});
  }

  /** A kit on these two clients that reports to {@code listener}. */
  public static EksKit kit(EksClient eks, Ec2Client ec2, ProgressListener listener) {
    return builder(eks, ec2).addListener(listener).build();
  }

  /**
   * A kit builder on these clients, polling fast and retrying quickly; add the clients a module
   * needs (a kit given clients makes none of its own).
   */
  public static EksKit.Builder builder(EksClient eks, Ec2Client ec2) {
    return EksKit.builder()
        .eksClient(eks)
        .ec2Client(ec2)
        .pollingOverride(FAST)
        .retry(QUICK_RETRIES);
  }

  /** A VPC with one subnet in each of {@code zones}; returns the subnet ids. */
  public static List<String> subnets(Ec2Client ec2, String... zones) {
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    return IntStream.range(0, zones.length)
        .mapToObj(
            i ->
                ec2.createSubnet(
                        r ->
                            r.vpcId(vpc)
                                .cidrBlock("10.0." + i + ".0/24")
                                .availabilityZone(zones[i]))
                    .subnet()
                    .subnetId())
        .toList();
  }
}
