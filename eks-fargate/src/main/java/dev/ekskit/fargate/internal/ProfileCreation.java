package dev.ekskit.fargate.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.CreateFailures;
import dev.ekskit.core.internal.Failures;
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
 * Check subnets, then create-or-adopt and wait ACTIVE. A 409 "cluster currently has Fargate profile
 * X in status CREATING" (another process's change) and, for a bounded time, a pod execution role
 * EKS cannot assume yet (IAM's eventual consistency) mean "try again later", never a failure: the
 * create is retried through resilience4j on {@link RetrySettings#forResourceInUse()}. One {@code
 * clientRequestToken} serves every attempt.
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
    Instant firstAttempt = context.now();
    return StepRetry.run(
            context,
            ref,
            "create",
            error -> waitWorthy(error, firstAttempt),
            RetrySettings.forResourceInUse(),
            () -> eks.createFargateProfile(ProfileMapping.createRequest(spec, clientRequestToken)))
        .thenApply(created -> true)
        .exceptionallyCompose(this::adoptOrFail)
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
   * Another process's profile in transition, throttling or a 5xx, and for a while a role that IAM
   * has not propagated yet: all mean "not yet", retried with the same token.
   */
  private boolean waitWorthy(Throwable error, Instant firstAttempt) {
    return TurnTaking.busyWith(error) != null
        || AwsErrors.isRetryable(error)
        || TurnTaking.roleNotYetUsable(error)
            && Duration.between(firstAttempt, context.now()).compareTo(ROLE_GRACE) < 0;
  }

  /** An "already exists" 409 means adopt if it matches; anything else ends the create. */
  private CompletableFuture<Boolean> adoptOrFail(Throwable error) {
    Throwable cause = Failures.unwrap(error);
    if (AwsErrors.is(cause, AwsErrors.Kind.IN_USE) && TurnTaking.busyWith(cause) == null) {
      return StepRetry.run(context, ref, "adopt", StepRetry.RETRYABLE, this::describe)
          .thenApply(existing -> adopt(existing, cause));
    }
    return CompletableFuture.failedFuture(
        CreateFailures.of(
            context,
            "the Fargate profile",
            "remove it with FargateProfiles.delete(\""
                + spec.clusterName()
                + "\", \""
                + spec.name()
                + "\")",
            cause));
  }

  private boolean adopt(FargateProfile existing, Throwable alreadyExists) {
    List<FieldDifference> diff = ProfileMapping.diff(spec, existing);
    if (!diff.isEmpty()) {
      throw new ConflictException(ref, diff, alreadyExists);
    }
    context.observed(ref, "adopt", existing.statusAsString(), Duration.ZERO, 1);
    return false;
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
