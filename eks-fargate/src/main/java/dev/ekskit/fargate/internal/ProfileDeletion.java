package dev.ekskit.fargate.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.Hints;
import dev.ekskit.core.internal.NotFound;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.Poller;
import dev.ekskit.core.internal.Readiness;
import dev.ekskit.fargate.FargateWaitKinds;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;

/**
 * Delete in turn and wait until gone. The delete call waits out another process's profile in
 * CREATING or DELETING like a create does; "not found" means already gone, so a rerun is safe.
 */
public final class ProfileDeletion {
  private final OperationContext context;
  private final EksClient eks;
  private final String clusterName;
  private final String name;
  private final ResourceRef ref;

  private ProfileDeletion(
      OperationContext context, EksClient eks, String clusterName, String name) {
    this.context = context;
    this.eks = eks;
    this.clusterName = clusterName;
    this.name = name;
    this.ref = context.resource();
  }

  /**
   * Run it in the cluster's turn (see {@link ClusterTurns}); completes with true when this run
   * deleted it, false when it was already gone.
   */
  public static CompletableFuture<Boolean> run(
      OperationContext context, EksClient eks, String clusterName, String name) {
    return new ProfileDeletion(context, eks, clusterName, name).deleteAndWait();
  }

  private CompletableFuture<Boolean> deleteAndWait() {
    return Poller.await(
            context,
            ref,
            "delete",
            context.engine().policy(FargateWaitKinds.FARGATE_PROFILE_TURN),
            this::attempt)
        .thenCompose(
            deleting ->
                !deleting
                    ? CompletableFuture.completedFuture(false)
                    : Poller.await(
                        context,
                        ref,
                        "wait deleted",
                        context.engine().policy(WaitKind.FARGATE_PROFILE_DELETE),
                        this::toGone));
  }

  private Readiness<Boolean> attempt() {
    try {
      eks.deleteFargateProfile(r -> r.clusterName(clusterName).fargateProfileName(name));
      return Readiness.ready("DELETING", true);
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return Readiness.ready("DELETED", false);
      }
      String busy = TurnTaking.busyWith(e);
      if (busy != null) {
        return Readiness.pending("WAITING_FOR " + busy);
      }
      if (AwsErrors.isRetryable(e)) {
        throw e;
      }
      return Readiness.failed(
          "REFUSED",
          new AwsCallException(
              ref, "delete", "EKS refused the delete: " + AwsErrors.describe(e), e));
    }
  }

  private Readiness<Boolean> toGone() {
    Optional<FargateProfile> now =
        NotFound.asEmpty(
            () ->
                Optional.of(
                    eks.describeFargateProfile(
                            r -> r.clusterName(clusterName).fargateProfileName(name))
                        .fargateProfile()));
    if (now.isEmpty()) {
      return Readiness.ready("DELETED", true);
    }
    FargateProfile profile = now.get();
    if ("DELETE_FAILED".equals(profile.statusAsString())) {
      var issues = ProfileMapping.healthIssues(profile);
      return Readiness.failed(
          "DELETE_FAILED",
          new ResourceFailedException(
              ref,
              "DELETE_FAILED",
              issues,
              Hints.forIssues(issues),
              "it still exists; fix the issues above and run the delete again"));
    }
    return Readiness.pending(profile.statusAsString());
  }
}
