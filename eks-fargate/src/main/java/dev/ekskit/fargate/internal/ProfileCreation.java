package dev.ekskit.fargate.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.Hints;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.Poller;
import dev.ekskit.core.internal.Readiness;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateWaitKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;

/**
 * Check subnets, then create-or-adopt and wait ACTIVE. The create call is made as a wait: a 409
 * "cluster currently has Fargate profile X in status CREATING" (another process's change) and, for
 * a bounded time, a pod execution role EKS cannot assume yet (IAM's eventual consistency) mean "try
 * again later", never a failure. One {@code clientRequestToken} serves every attempt.
 */
public final class ProfileCreation {
  private final OperationContext context;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final FargateProfileSpec spec;
  private final ResourceRef ref;

  /**
   * How long a freshly created pod execution role may be refused before the refusal counts: IAM
   * usually propagates within seconds, rarely a minute or two.
   */
  private static final Duration ROLE_GRACE = Duration.ofMinutes(3);

  private final String clientRequestToken = UUID.randomUUID().toString();
  private Instant firstAttempt;

  private ProfileCreation(
      OperationContext context, EksClient eks, Ec2Client ec2, FargateProfileSpec spec) {
    this.context = context;
    this.eks = eks;
    this.ec2 = ec2;
    this.spec = spec;
    this.ref = ResourceRef.child("fargate-profile", spec.clusterName(), spec.name());
  }

  /** Run it in the cluster's turn (see {@link ClusterTurns}). */
  public static CompletableFuture<FargateProfileInfo> run(
      OperationContext context, EksClient eks, Ec2Client ec2, FargateProfileSpec spec) {
    ProfileCreation creation = new ProfileCreation(context, eks, ec2, spec);
    return StepRetry.run(
            context,
            creation.ref,
            "check subnets",
            StepRetry.RETRYABLE,
            () -> {
              PrivateSubnets.require(ec2, spec.subnetIds());
              return true;
            })
        .thenCompose(checked -> creation.createAndWait());
  }

  private CompletableFuture<FargateProfileInfo> createAndWait() {
    firstAttempt = context.now();
    return Poller.await(
            context,
            ref,
            "create",
            context.engine().policy(FargateWaitKinds.FARGATE_PROFILE_TURN),
            this::attempt)
        .thenCompose(
            created ->
                Poller.await(
                    context,
                    ref,
                    "wait active",
                    context
                        .engine()
                        .policy(
                            created ? FargateWaitKinds.FARGATE_PROFILE_CREATE : WaitKind.RESUME),
                    this::toActive))
        .thenApply(ProfileMapping::info);
  }

  /**
   * Ready(true) when this run created it, ready(false) when one of that name exists and matches.
   */
  private Readiness<Boolean> attempt() {
    try {
      eks.createFargateProfile(ProfileMapping.createRequest(spec, clientRequestToken));
      return Readiness.ready("CREATING", true);
    } catch (RuntimeException e) {
      String busy = TurnTaking.busyWith(e);
      if (busy != null) {
        return Readiness.pending("WAITING_FOR " + busy);
      }
      if (AwsErrors.is(e, AwsErrors.Kind.IN_USE)) {
        return adopt(e);
      }
      if (TurnTaking.roleNotYetUsable(e)
          && Duration.between(firstAttempt, context.now()).compareTo(ROLE_GRACE) < 0) {
        return Readiness.pending("WAITING_FOR_ROLE");
      }
      if (AwsErrors.isRetryable(e)) {
        throw e;
      }
      return Readiness.failed(
          "REFUSED",
          new AwsCallException(
              ref,
              "create",
              "EKS refused the request; nothing was created: " + AwsErrors.describe(e),
              e));
    }
  }

  private Readiness<Boolean> adopt(RuntimeException alreadyExists) {
    FargateProfile existing = describe();
    List<FieldDifference> diff = ProfileMapping.diff(spec, existing);
    if (!diff.isEmpty()) {
      return Readiness.failed("EXISTS", new ConflictException(ref, diff, alreadyExists));
    }
    context.observed(ref, "adopt", existing.statusAsString(), Duration.ZERO, 1);
    return Readiness.ready("EXISTS", false);
  }

  private FargateProfile describe() {
    return eks.describeFargateProfile(
            r -> r.clusterName(spec.clusterName()).fargateProfileName(spec.name()))
        .fargateProfile();
  }

  private Readiness<FargateProfile> toActive() {
    FargateProfile profile = describe();
    String status = profile.statusAsString();
    return switch (status) {
      case "ACTIVE" -> Readiness.ready(status, profile);
      case "CREATE_FAILED", "DELETING", "DELETE_FAILED" -> {
        var issues = ProfileMapping.healthIssues(profile);
        yield Readiness.failed(
            status,
            new ResourceFailedException(
                ref,
                status,
                issues,
                Hints.forIssues(issues),
                "it exists in status "
                    + status
                    + "; remove it with FargateProfiles.delete(\""
                    + spec.clusterName()
                    + "\", \""
                    + spec.name()
                    + "\")"));
      }
      default -> Readiness.pending(status);
    };
  }
}
