package dev.ekskit.fargate.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.TurnKeys;
import dev.ekskit.fargate.FargateProfileSpec;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One apply of a blueprint's profile, all of it in the cluster's Fargate turn, taken when the apply
 * starts: compare afresh (so a run after a crash does only what is left), then create, wait for a
 * profile a stopped run created, or replace (delete, then create) when the blueprint allows it.
 */
final class ProfileApplying {
  private final Scope own;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final IamClient iam;
  private final FargateProfileSpec part;
  private final BlueprintContext blueprint;

  /** Takes the kit's clients now, in the caller's thread. */
  ProfileApplying(Scope scope, FargateProfileSpec part, BlueprintContext blueprint) {
    this.own = scope.child(ProfileMapping.ref(blueprint.clusterName(), part.name()));
    this.eks = blueprint.kit().client(EksClient.class);
    this.ec2 = blueprint.kit().client(Ec2Client.class);
    this.iam = blueprint.kit().client(IamClient.class);
    this.part = part;
    this.blueprint = blueprint;
  }

  CompletableFuture<PlannedChange> run() {
    return own.serialized(
        TurnKeys.fargateProfiles(blueprint.clusterName()),
        () ->
            own.read("compare", () -> ProfileReview.of(eks, ec2, part, blueprint))
                .thenCompose(review -> act(review).thenApply(done -> review.change())));
  }

  private CompletableFuture<?> act(ProfileReview review) {
    PlannedChange change = review.change();
    return switch (change.action()) {
      case CREATE -> create(review);
      case NO_CHANGE ->
          review.isActive()
              ? CompletableFuture.completedFuture(null)
              : ProfileCreation.awaitActive(own, eks, review.complete());
      case REPLACE_REQUIRED ->
          blueprint.allowReplacement()
              ? EksResources.fargateProfileDeletion(eks, blueprint.clusterName(), part.name())
                  .run(own)
                  .thenCompose(deleted -> create(review))
              : CompletableFuture.failedFuture(
                  new ConflictException(own.resource(), change.differences(), null));
      case UPDATE, DELETE ->
          throw new IllegalStateException("a profile is never planned to " + change.action());
    };
  }

  /** Creates the profile with the role it names, or the one made for the blueprint. */
  private CompletableFuture<?> create(ProfileReview review) {
    CompletableFuture<String> role =
        part.podExecutionRoleArn()
            .map(CompletableFuture::completedFuture)
            .orElseGet(() -> BlueprintPodRole.ensure(own, eks, iam, blueprint));
    return role.thenCompose(
        arn ->
            ProfileCreation.createChecked(
                own, eks, review.complete().toBuilder().podExecutionRoleArn(arn).build()));
  }
}
