package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Create-or-adopt, then wait for ACTIVE. One {@code clientRequestToken} serves every attempt, so a
 * create that AWS applied but whose answer was lost is not repeated; "already exists" means
 * describe, compare with the spec, and adopt only on a match.
 */
public final class ClusterCreation {
  private final OperationContext context;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final ClusterSpec spec;
  private final ResourceRef ref;
  private final String clientRequestToken = UUID.randomUUID().toString();

  private ClusterCreation(
      OperationContext context, EksClient eks, Ec2Client ec2, ClusterSpec spec) {
    this.context = context;
    this.eks = eks;
    this.ec2 = ec2;
    this.spec = spec;
    this.ref = context.resource();
  }

  public static CompletableFuture<ClusterInfo> run(
      OperationContext context, EksClient eks, Ec2Client ec2, ClusterSpec spec) {
    return new ClusterCreation(context, eks, ec2, spec).run();
  }

  private CompletableFuture<ClusterInfo> run() {
    return StepRetry.run(
            context,
            ref,
            "check subnets",
            StepRetry.RETRYABLE,
            () -> {
              SubnetCheck.requireUsable(ec2, "ClusterSpec", "subnetIds", spec.subnetIds(), 2);
              return true;
            })
        .thenCompose(checked -> createOrAdopt())
        .thenCompose(policy -> ClusterWaits.active(context, eks, ref, policy))
        .thenApply(ClusterMapping::info);
  }

  /** The policy to wait with: a fresh create looks late, an adopted cluster at once. */
  private CompletableFuture<PollingPolicy> createOrAdopt() {
    PollingPolicy fresh = context.engine().policy(WaitKind.CLUSTER_CREATE);
    return StepRetry.run(
            context,
            ref,
            "create",
            StepRetry.RETRYABLE,
            () ->
                eks.createCluster(ClusterMapping.createRequest(spec, clientRequestToken)).cluster())
        .thenApply(created -> fresh)
        .exceptionallyCompose(
            error -> {
              if (AwsErrors.is(error, AwsErrors.Kind.IN_USE)) {
                return adopt(error).thenApply(adopted -> fresh.withFirstCheck(Duration.ZERO));
              }
              return CompletableFuture.failedFuture(
                  CreateFailures.of(
                      context,
                      "the cluster",
                      ClusterReadiness.deleteCall(spec.name()),
                      Failures.unwrap(error)));
            });
  }

  private CompletableFuture<Cluster> adopt(Throwable alreadyExists) {
    return StepRetry.run(
            context,
            ref,
            "adopt",
            StepRetry.RETRYABLE,
            () -> eks.describeCluster(r -> r.name(spec.name())).cluster())
        .thenApply(
            existing -> {
              List<FieldDifference> diff = ClusterDiff.between(spec, existing);
              if (!diff.isEmpty()) {
                throw new ConflictException(ref, diff, Failures.unwrap(alreadyExists));
              }
              if ("FAILED".equals(existing.statusAsString())
                  || "DELETING".equals(existing.statusAsString())) {
                throw new ResourceFailedException(
                    ref,
                    existing.statusAsString(),
                    ClusterMapping.healthIssues(existing),
                    "a cluster of this name exists but cannot become ACTIVE",
                    ClusterReadiness.deleteCall(spec.name()) + ", then create again");
              }
              context.observed(ref, "adopt", existing.statusAsString(), Duration.ZERO, 1);
              return existing;
            });
  }
}
