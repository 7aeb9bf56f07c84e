package dev.ekskit.examples;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.simulator.VirtualTime;
import dev.ekskit.testkit.SimulatedKit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Provisions one EKS cluster and waits for it, printing progress.
 *
 * <p>By default it runs on the simulated AWS of {@code eks-simulator}: no account, a few seconds of
 * wall time for ~10 simulated minutes. Against real AWS (or any endpoint set with {@code
 * AWS_ENDPOINT_URL}) pass {@code --aws} and set {@code EKSKIT_SUBNET_IDS} (comma-separated, two
 * zones at least) and {@code EKSKIT_CLUSTER_ROLE_ARN}; that creates a real, billed cluster.
 */
public final class QuickStart {
  private static final Duration PATIENCE = Duration.ofMinutes(40);

  private QuickStart() {}

  public static void main(String[] args) {
    List<String> flags = Arrays.asList(args);
    String name = flags.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("quickstart");
    if (flags.contains("--aws")) {
      onAws(name, System.out);
    } else {
      onSimulatedAws(name, System.out);
    }
  }

  /** Creates the cluster on a fresh simulated AWS and returns it. */
  public static ClusterInfo onSimulatedAws(String name, PrintStream out) {
    long wallStart = System.nanoTime();
    try (SimulatedAws aws = SimulatedAws.create()) {
      List<String> subnets = aws.createVpcWithSubnets(3);
      out.println("Simulated AWS: VPC with subnets " + subnets + " (no AWS account used)");
      try (EksKit kit =
          SimulatedKit.builder(aws)
              .addListener(new ConsoleProgress(out, aws.time().now()))
              .build()) {
        ClusterInfo cluster =
            create(
                kit,
                spec(name, subnets, "arn:aws:iam::" + aws.accountId() + ":role/eks-cluster-role"),
                out);
        out.printf(
            "Simulated %d minutes in %d ms of wall time%n",
            Duration.between(VirtualTime.DEFAULT_START, aws.time().now()).toMinutes(),
            (System.nanoTime() - wallStart) / 1_000_000);
        return cluster;
      }
    }
  }

  private static void onAws(String name, PrintStream out) {
    String subnets = requireEnv("EKSKIT_SUBNET_IDS");
    String role = requireEnv("EKSKIT_CLUSTER_ROLE_ARN");
    try (EksKit kit =
        EksKit.builder().addListener(new ConsoleProgress(out, java.time.Instant.now())).build()) {
      create(kit, spec(name, List.of(subnets.split(",")), role), out);
    }
  }

  private static ClusterSpec spec(String name, List<String> subnets, String roleArn) {
    return ClusterSpec.builder()
        .name(name)
        .kubernetesVersion("1.33")
        .roleArn(roleArn)
        .subnetIds(subnets)
        .putTags("example", "quickstart")
        .build();
  }

  private static ClusterInfo create(EksKit kit, ClusterSpec spec, PrintStream out) {
    ClusterInfo cluster = kit.clusters().create(spec).await(PATIENCE);
    out.printf(
        "Cluster %s is %s: Kubernetes %s at %s%n",
        cluster.name(), cluster.status(), cluster.kubernetesVersion(), cluster.endpoint());
    return cluster;
  }

  private static String requireEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--aws needs the environment variable " + name);
    }
    return value;
  }
}
