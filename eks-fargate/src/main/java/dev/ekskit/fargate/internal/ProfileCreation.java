package dev.ekskit.fargate.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Hints;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.SharedDescribe;
import dev.ekskit.core.spi.StepRetries;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateWaitKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;

/**
 * Check subnets, then create-or-adopt and wait ACTIVE. A 409 "cluster currently has Fargate profile
 * X in status CREATING" (another process's change) and, for a bounded time, a pod execution role
 * EKS cannot assume yet (IAM's eventual consistency) mean "try again later", never a failure: the
 * create is retried on {@link RetrySettings#forResourceInUse()}. Any other 409 means the profile is
 * there: it is described and adopted if it matches. One {@code clientRequestToken} serves every
 * attempt. Run it in the cluster's turn; the subnets are checked before, by {@link #run} or by the
 * blueprint's compare.
 */
public final class ProfileCreation {
  /**
   * How long a freshly created pod execution role may be refused before the refusal counts: IAM
   * usually propagates within seconds, rarely a minute or two.
   */
  private static final Duration ROLE_GRACE = Duration.ofMinutes(3);

  /** Statuses a profile does not leave for ACTIVE. */
  static final Set<String> STUCK = Set.of("CREATE_FAILED", "DELETING", "DELETE_FAILED");

  private final Scope scope;
  private final EksClient eks;
  private final FargateProfileSpec spec;

  private ProfileCreation(Scope scope, EksClient eks, FargateProfileSpec spec) {
    this.scope = scope;
    this.eks = eks;
    this.spec = spec;
  }

  /**
   * Checks the subnets, then creates the profile as work of {@code parent}, its events naming it.
   */
  public static CompletableFuture<FargateProfileInfo> run(
      Scope parent, EksClient eks, Ec2Client ec2, FargateProfileSpec spec) {
    Scope scope = parent.child(ProfileMapping.ref(spec.clusterName(), spec.name()));
    return scope
        .call(
            Steps.check("subnets"),
            () -> {
              PrivateSubnets.require(ec2, spec.subnetIds());
              return true;
            })
        .thenCompose(checked -> createChecked(scope, eks, spec));
  }

  /**
   * Creates (or adopts) the profile whose subnets were checked and waits until it is ACTIVE, within
   * {@code scope}, whose resource is the profile.
   */
  public static CompletableFuture<FargateProfileInfo> createChecked(
      Scope scope, EksClient eks, FargateProfileSpec spec) {
    ProfileCreation creation = new ProfileCreation(scope, eks, spec);
    return creation
        .createOrAdopt()
        .run(scope)
        .thenCompose(
            made ->
                scope.await(
                    Steps.WAIT_ACTIVE,
                    made.adopted() ? WaitKind.RESUME : FargateWaitKinds.FARGATE_PROFILE_CREATE,
                    creation.sharedDescribe(),
                    creation::toActive))
        .thenApply(ProfileMapping::info);
  }

  /** Waits until the existing profile is ACTIVE, e.g. one a stopped run had created. */
  public static CompletableFuture<FargateProfileInfo> awaitActive(
      Scope scope, EksClient eks, FargateProfileSpec spec) {
    ProfileCreation creation = new ProfileCreation(scope, eks, spec);
    return scope
        .await(Steps.WAIT_ACTIVE, WaitKind.RESUME, creation.sharedDescribe(), creation::toActive)
        .thenApply(ProfileMapping::info);
  }

  private CreateOrAdopt<FargateProfile> createOrAdopt() {
    String token = UUID.randomUUID().toString();
    Instant firstAttempt = scope.now();
    return CreateOrAdopt.<FargateProfile>builder(scope.resource())
        .what("the Fargate profile")
        .cleanup(cleanup())
        .create(
            () ->
                eks.createFargateProfile(ProfileMapping.createRequest(spec, token))
                    .fargateProfile())
        .describe(this::describe)
        .differences(existing -> ProfileMapping.diff(spec, existing))
        .unusable(this::stuck)
        .status(FargateProfile::statusAsString)
        .exists(error -> AwsErrors.saysItExists(error) && TurnTaking.busyWith(error) == null)
        .retries(
            StepRetries.when(
                error -> notYet(error, firstAttempt), RetrySettings.forResourceInUse()))
        .build();
  }

  /**
   * Another process's profile in transition, and for a while a role that IAM has not propagated
   * yet. Throttling is not among them: the engine retries it on its own budget.
   */
  private boolean notYet(Throwable error, Instant firstAttempt) {
    return TurnTaking.busyWith(error) != null
        || AwsErrors.saysRoleNotAssumable(error)
            && Duration.between(firstAttempt, scope.now()).compareTo(ROLE_GRACE) < 0;
  }

  private FargateProfile describe() {
    return eks.describeFargateProfile(
            r -> r.clusterName(spec.clusterName()).fargateProfileName(spec.name()))
        .fargateProfile();
  }

  /** DescribeFargateProfile as every wait on this profile shares it. */
  private SharedDescribe<FargateProfile> sharedDescribe() {
    return SharedDescribe.of(
        "eks", "fargateprofile/" + spec.clusterName() + "/" + spec.name(), this::describe);
  }

  private Readiness<FargateProfile> toActive(FargateProfile profile) {
    String status = profile.statusAsString();
    if ("ACTIVE".equals(status)) {
      return Readiness.ready(status, profile);
    }
    return stuck(profile)
        .<Readiness<FargateProfile>>map(error -> Readiness.failed(status, error))
        .orElseGet(() -> Readiness.pending(status));
  }

  /** Why {@code profile} will not become ACTIVE, if it will not. */
  private Optional<EksKitException> stuck(FargateProfile profile) {
    String status = profile.statusAsString();
    if (!STUCK.contains(status)) {
      return Optional.empty();
    }
    var issues = ProfileMapping.healthIssues(profile);
    return Optional.of(
        new ResourceFailedException(
            scope.resource(),
            status,
            issues,
            Hints.forIssues(issues),
            "it exists in status " + status + "; " + cleanup()));
  }

  private String cleanup() {
    return "remove it with FargateProfiles.delete(\""
        + spec.clusterName()
        + "\", \""
        + spec.name()
        + "\")";
  }
}
