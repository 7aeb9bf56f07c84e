package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.addons.BootstrapAddons;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import dev.ekskit.core.spi.SubnetCheck;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Check the subnets, create-or-adopt, then wait for ACTIVE; a cluster that EKS does not bootstrap
 * with its networking add-ons then gets them as managed add-ons ({@link BootstrapAddons}). One
 * {@code clientRequestToken} serves every attempt, so a create that AWS applied but whose answer
 * was lost is not repeated. A cluster role EKS cannot assume yet (made moments ago, IAM not
 * propagated) is waited out for a bounded time ({@link StepRetries#roleNotYetUsable()}).
 */
public final class ClusterCreation {
  private ClusterCreation() {}

  public static CompletableFuture<ClusterInfo> run(
      Scope scope, EksClient eks, Ec2Client ec2, ClusterSpec spec) {
    String token = UUID.randomUUID().toString();
    ResourceRef ref = scope.resource();
    CreateOrAdopt<Cluster> cluster =
        CreateOrAdopt.<Cluster>builder(ref)
            .what("the cluster")
            .cleanup(ClusterReadiness.deleteCall(spec.name()))
            .create(() -> eks.createCluster(ClusterMapping.createRequest(spec, token)).cluster())
            .describe(() -> eks.describeCluster(r -> r.name(spec.name())).cluster())
            .differences(existing -> ClusterDiff.between(spec, existing))
            .unusable(ClusterCreation::unusable)
            .status(Cluster::statusAsString)
            .retries(StepRetries.roleNotYetUsable())
            .build();
    PollingPolicy fresh = scope.policy(WaitKind.CLUSTER_CREATE);
    return scope
        .call(
            Steps.check("subnets"),
            () -> {
              SubnetCheck.requireUsable(ec2, "ClusterSpec", "subnetIds", spec.subnetIds(), 2);
              return true;
            })
        .thenCompose(checked -> cluster.run(scope))
        .thenCompose(
            made ->
                ClusterWaits.active(
                    scope, eks, made.adopted() ? fresh.withFirstCheck(Duration.ZERO) : fresh))
        .thenCompose(
            active ->
                BootstrapAddons.wanted(spec)
                    ? BootstrapAddons.run(scope, eks, spec).thenApply(addons -> active)
                    : CompletableFuture.completedFuture(active))
        .thenApply(ClusterMapping::info);
  }

  private static Optional<EksKitException> unusable(Cluster existing) {
    String status = existing.statusAsString();
    if (!"FAILED".equals(status) && !"DELETING".equals(status)) {
      return Optional.empty();
    }
    return Optional.of(
        new ResourceFailedException(
            ResourceRef.cluster(existing.name()),
            status,
            ClusterMapping.healthIssues(existing),
            "a cluster of this name exists but cannot become ACTIVE",
            ClusterReadiness.deleteCall(existing.name()) + ", then create again"));
  }
}
