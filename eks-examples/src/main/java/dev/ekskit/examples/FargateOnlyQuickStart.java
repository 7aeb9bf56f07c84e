package dev.ekskit.examples;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The quick-start cluster made Fargate-only on the simulated AWS: two Fargate profiles ({@code
 * system} for kube-system, {@code apps} for {@code default} and {@code apps-*}), created one after
 * the other, then CoreDNS moved onto Fargate.
 *
 * <pre>{@code
 * List<FargateProfileInfo> profiles = FargateOnlyQuickStart.onSimulatedAws("demo", System.out);
 * }</pre>
 *
 * <p>The simulation has no IAM, so the pod execution role is given as an ARN; against real AWS,
 * {@code fargate.createPodExecutionRole(PodExecutionRoleSpec.of("demo", "demo-fargate-pods"))}
 * creates it. Fargate needs private subnets: the simulated VPC's subnets have no internet gateway.
 */
public final class FargateOnlyQuickStart {
  private static final Duration PATIENCE = Duration.ofMinutes(60);

  private FargateOnlyQuickStart() {}

  public static void main(String[] args) {
    onSimulatedAws(args.length > 0 ? args[0] : "quickstart", System.out);
  }

  /** Creates the cluster and makes it Fargate-only on a fresh simulated AWS. */
  public static List<FargateProfileInfo> onSimulatedAws(String name, PrintStream out) {
    try (SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(3);
      String account = aws.accountId();
      try (EksKit kit =
          SimulatedKit.builder(aws)
              .addListener(new ConsoleProgress(out, aws.time().now()))
              .build()) {
        FargateProfiles fargate = FargateProfiles.of(kit);
        ClusterInfo cluster =
            kit.clusters()
                .create(
                    ClusterSpec.builder()
                        .name(name)
                        .kubernetesVersion("1.33")
                        .roleArn("arn:aws:iam::" + account + ":role/eks-cluster-role")
                        .subnetIds(subnets)
                        .putTags("example", "fargate-only")
                        .build())
                .await(PATIENCE);
        FargateProfileSpec.Builder common =
            FargateProfileSpec.builder()
                .clusterName(cluster.name())
                .podExecutionRoleArn("arn:aws:iam::" + account + ":role/" + name + "-fargate-pods")
                .subnetIds(subnets)
                .putTags("example", "fargate-only");
        List<FargateProfileInfo> profiles =
            fargate
                .makeFargateOnly(
                    List.of(
                        common
                            .name("system")
                            .addSelectors(FargateSelector.of("kube-system"))
                            .build(),
                        common
                            .name("apps")
                            .selectors(
                                List.of(
                                    FargateSelector.of("default"), FargateSelector.of("apps-*")))
                            .build()))
                .await(PATIENCE);
        String coreDns =
            aws.eks()
                .describeAddon(r -> r.clusterName(name).addonName("coredns"))
                .addon()
                .configurationValues();
        profiles.forEach(p -> out.printf("Fargate profile %s is %s%n", p.name(), p.status()));
        out.printf("Cluster %s is Fargate-only; coredns configuration %s%n", name, coreDns);
        return profiles;
      }
    }
  }
}
