package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Puts node groups, Fargate profiles and add-ons on a simulated cluster, as other tools would. */
final class ChildResources {
  private static final Duration SETTLE = Duration.ofMinutes(10);

  private ChildResources() {}

  static void addFargateProfiles(SimulatedAws aws, String cluster, String... names) {
    for (String name : names) {
      // EKS takes one Fargate profile of a cluster in transition at a time.
      aws.eks()
          .createFargateProfile(
              r ->
                  r.clusterName(cluster)
                      .fargateProfileName(name)
                      .podExecutionRoleArn("arn:aws:iam::123456789012:role/pods")
                      .selectors(s -> s.namespace(name)));
      settle(aws);
    }
  }

  static void addNodegroups(SimulatedAws aws, String cluster, String... names) {
    for (String name : names) {
      aws.eks()
          .createNodegroup(
              r ->
                  r.clusterName(cluster)
                      .nodegroupName(name)
                      .nodeRole("arn:aws:iam::123456789012:role/nodes")
                      .subnets(
                          aws.eks()
                              .describeCluster(d -> d.name(cluster))
                              .cluster()
                              .resourcesVpcConfig()
                              .subnetIds())
                      .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(2)));
    }
    settle(aws);
  }

  static void addAddon(SimulatedAws aws, String cluster, String name) {
    aws.eks().createAddon(r -> r.clusterName(cluster).addonName(name));
    settle(aws);
  }

  /** Lets virtual time run on until what was just created is ACTIVE. */
  static void settle(SimulatedAws aws) {
    try {
      aws.time().scheduler().schedule(() -> {}, SETTLE.toMillis(), TimeUnit.MILLISECONDS).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Fargate profiles went first and one at a time (the next delete only after the previous one was
   * found gone), then node groups, then add-ons, then the cluster.
   */
  static void assertDeleteOrder(List<Call> calls) {
    List<String> deletes =
        calls.stream().map(Call::operation).filter(o -> o.startsWith("Delete")).toList();
    assertThat(deletes)
        .containsSubsequence(
            "DeleteFargateProfile", "DeleteNodegroup", "DeleteAddon", "DeleteCluster");
    int lastFargate = deletes.lastIndexOf("DeleteFargateProfile");
    assertThat(deletes.subList(0, lastFargate + 1)).containsOnly("DeleteFargateProfile");
    int secondFargate = indexOf(calls, "DeleteFargateProfile", 2);
    assertThat(calls.subList(indexOf(calls, "DeleteFargateProfile", 1), secondFargate))
        .anyMatch(c -> c.operation().equals("DescribeFargateProfile") && c.statusCode() == 404);
  }

  private static int indexOf(List<Call> calls, String operation, int occurrence) {
    int seen = 0;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).operation().equals(operation) && ++seen == occurrence) {
        return i;
      }
    }
    throw new AssertionError(operation + " was called fewer than " + occurrence + " times");
  }
}
