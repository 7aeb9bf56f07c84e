package dev.ekskit.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.waiters.EksAsyncWaiter;

/**
 * A kind of EKS resource the benchmark waits on, number {@code i} of a run: cluster {@code c<i>},
 * or one child of it. Its status as DescribeX answers it ({@code GONE} once not found), how to make
 * and delete it on the simulated AWS, and the SDK's own waiters for it.
 */
enum Subject {
  CLUSTER("DescribeCluster"),
  NODEGROUP("DescribeNodegroup"),
  FARGATE_PROFILE("DescribeFargateProfile"),
  ADDON("DescribeAddon");

  static final String GONE = "GONE";

  private final String describeOperation;

  Subject(String describeOperation) {
    this.describeOperation = describeOperation;
  }

  String describeOperation() {
    return describeOperation;
  }

  static String cluster(int i) {
    return "c" + i;
  }

  /** What the shared describes of ekskit are keyed by. */
  String key(int i) {
    return name().toLowerCase() + "/" + cluster(i);
  }

  String status(EksClient eks, int i) {
    String cluster = cluster(i);
    try {
      return switch (this) {
        case CLUSTER -> eks.describeCluster(r -> r.name(cluster)).cluster().statusAsString();
        case NODEGROUP ->
            eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName("ng"))
                .nodegroup()
                .statusAsString();
        case FARGATE_PROFILE ->
            eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName("fp"))
                .fargateProfile()
                .statusAsString();
        case ADDON ->
            eks.describeAddon(r -> r.clusterName(cluster).addonName("vpc-cni"))
                .addon()
                .statusAsString();
      };
    } catch (ResourceNotFoundException e) {
      return GONE;
    }
  }

  /** Creates number {@code i}; a child's cluster must be ACTIVE. */
  void create(BenchWorld world, int i) {
    EksClient eks = world.aws().eks();
    String cluster = cluster(i);
    switch (this) {
      case CLUSTER ->
          eks.createCluster(
              r ->
                  r.name(cluster)
                      .version("1.32")
                      .roleArn(world.clusterRole())
                      .resourcesVpcConfig(v -> v.subnetIds(world.subnets())));
      case NODEGROUP ->
          eks.createNodegroup(
              r ->
                  r.clusterName(cluster)
                      .nodegroupName("ng")
                      .nodeRole(world.nodeRole())
                      .subnets(world.subnets())
                      .scalingConfig(s -> s.minSize(1).maxSize(2).desiredSize(2)));
      case FARGATE_PROFILE ->
          eks.createFargateProfile(
              r ->
                  r.clusterName(cluster)
                      .fargateProfileName("fp")
                      .podExecutionRoleArn(world.podRole())
                      .subnets(world.subnets())
                      .selectors(s -> s.namespace("apps")));
      case ADDON -> eks.createAddon(r -> r.clusterName(cluster).addonName("vpc-cni"));
    }
  }

  void delete(BenchWorld world, int i) {
    EksClient eks = world.aws().eks();
    String cluster = cluster(i);
    switch (this) {
      case CLUSTER -> eks.deleteCluster(r -> r.name(cluster));
      case NODEGROUP -> eks.deleteNodegroup(r -> r.clusterName(cluster).nodegroupName("ng"));
      case FARGATE_PROFILE ->
          eks.deleteFargateProfile(r -> r.clusterName(cluster).fargateProfileName("fp"));
      case ADDON -> eks.deleteAddon(r -> r.clusterName(cluster).addonName("vpc-cni"));
    }
  }

  /** The SDK waiter for ACTIVE ({@code deleted} false) or for gone, with its default settings. */
  CompletableFuture<?> sdkWait(EksAsyncWaiter waiter, int i, boolean deleted) {
    String cluster = cluster(i);
    return switch (this) {
      case CLUSTER ->
          deleted
              ? waiter.waitUntilClusterDeleted(r -> r.name(cluster))
              : waiter.waitUntilClusterActive(r -> r.name(cluster));
      case NODEGROUP ->
          pick(
              deleted,
              w -> w.waitUntilNodegroupDeleted(r -> r.clusterName(cluster).nodegroupName("ng")),
              w -> w.waitUntilNodegroupActive(r -> r.clusterName(cluster).nodegroupName("ng")),
              waiter);
      case FARGATE_PROFILE ->
          pick(
              deleted,
              w ->
                  w.waitUntilFargateProfileDeleted(
                      r -> r.clusterName(cluster).fargateProfileName("fp")),
              w ->
                  w.waitUntilFargateProfileActive(
                      r -> r.clusterName(cluster).fargateProfileName("fp")),
              waiter);
      case ADDON ->
          pick(
              deleted,
              w -> w.waitUntilAddonDeleted(r -> r.clusterName(cluster).addonName("vpc-cni")),
              w -> w.waitUntilAddonActive(r -> r.clusterName(cluster).addonName("vpc-cni")),
              waiter);
    };
  }

  private static CompletableFuture<?> pick(
      boolean deleted,
      Function<EksAsyncWaiter, CompletableFuture<?>> whenDeleted,
      Function<EksAsyncWaiter, CompletableFuture<?>> whenActive,
      EksAsyncWaiter waiter) {
    return deleted ? whenDeleted.apply(waiter) : whenActive.apply(waiter);
  }
}
