package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.CreateFailures;
import dev.ekskit.core.internal.Failures;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.core.internal.SubnetCheck;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * Checks, then create-or-adopt, then wait for ACTIVE. The cluster's version decides the AMI guard
 * when the spec names none; instance types and subnets are checked before the create. One {@code
 * clientRequestToken} serves every attempt.
 */
public final class NodegroupCreation {
  private final OperationContext context;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final NodegroupSpec spec;
  private final WaitKind createWait;
  private final ResourceRef ref;
  private final String clientRequestToken = UUID.randomUUID().toString();

  public NodegroupCreation(
      OperationContext context,
      EksClient eks,
      Ec2Client ec2,
      NodegroupSpec spec,
      WaitKind createWait) {
    this.context = context;
    this.eks = eks;
    this.ec2 = ec2;
    this.spec = spec;
    this.createWait = createWait;
    this.ref = context.resource();
  }

  public CompletableFuture<NodegroupInfo> run() {
    return StepRetry.run(
            context, ref, "check cluster and network", StepRetry.RETRYABLE, this::check)
        .thenCompose(
            version ->
                createOrAdopt(version)
                    .thenCompose(
                        policy ->
                            NodegroupWaits.active(
                                context, eks, ref, spec.clusterName(), spec.name(), policy)))
        .thenApply(NodegroupMapping::info);
  }

  /** Everything checkable against the account; returns the Kubernetes version to use. */
  private String check() {
    String version =
        spec.kubernetesVersion()
            .orElseGet(
                () -> eks.describeCluster(r -> r.name(spec.clusterName())).cluster().version());
    AmiCatalog.checkVersion(spec.ami(), version);
    if (!spec.instanceTypes().isEmpty()) {
      InstanceTypeCheck.check(ec2, spec.ami(), spec.instanceTypes(), "instanceTypes");
    }
    SubnetCheck.requireUsable(ec2, "NodegroupSpec", "subnetIds", spec.subnetIds(), 1);
    return version;
  }

  private CompletableFuture<PollingPolicy> createOrAdopt(String version) {
    PollingPolicy fresh = context.engine().policy(createWait);
    return StepRetry.run(
            context,
            ref,
            "create",
            StepRetry.RETRYABLE,
            () ->
                eks.createNodegroup(
                        NodegroupMapping.createRequest(spec, version, clientRequestToken))
                    .nodegroup())
        .thenApply(created -> fresh)
        .exceptionallyCompose(
            error -> {
              if (AwsErrors.is(error, AwsErrors.Kind.IN_USE)) {
                return adopt(version, error)
                    .thenApply(adopted -> fresh.withFirstCheck(Duration.ZERO));
              }
              return CompletableFuture.failedFuture(
                  CreateFailures.of(
                      context,
                      "the node group",
                      NodegroupWaits.deleteCall(spec.clusterName(), spec.name()),
                      Failures.unwrap(error)));
            });
  }

  private CompletableFuture<Nodegroup> adopt(String version, Throwable alreadyExists) {
    return StepRetry.run(
            context,
            ref,
            "adopt",
            StepRetry.RETRYABLE,
            () ->
                eks.describeNodegroup(
                        r -> r.clusterName(spec.clusterName()).nodegroupName(spec.name()))
                    .nodegroup())
        .thenApply(
            existing -> {
              List<FieldDifference> diff = NodegroupMapping.diff(spec, version, existing);
              if (!diff.isEmpty()) {
                throw new ConflictException(ref, diff, Failures.unwrap(alreadyExists));
              }
              String status = existing.statusAsString();
              if ("CREATE_FAILED".equals(status) || "DELETING".equals(status)) {
                var issues = NodegroupMapping.healthIssues(existing);
                throw new ResourceFailedException(
                    ref,
                    status,
                    issues,
                    NodegroupHints.forIssues(issues),
                    NodegroupWaits.deleteCall(spec.clusterName(), spec.name())
                        + ", then create again");
              }
              context.observed(ref, "adopt", status, Duration.ZERO, 1);
              return existing;
            });
  }
}
