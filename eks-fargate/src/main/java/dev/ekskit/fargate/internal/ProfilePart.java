package dev.ekskit.fargate.internal;

import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.TurnKeys;
import dev.ekskit.fargate.FargateProfileSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Fargate profiles as parts of a blueprint. Every change to a cluster's profiles, compare included,
 * runs in the cluster's Fargate turn, taken when apply starts the part ({@link ProfileApplying}):
 * the profiles of one blueprint change one at a time in blueprint order (EKS allows one CREATING or
 * DELETING profile per cluster), behind any other change of this kit to them, and each compares
 * once the change before it is done. A removed profile is deleted in its turn too.
 */
public final class ProfilePart implements BlueprintPartHandler<FargateProfileSpec> {
  @Override
  public Class<FargateProfileSpec> partType() {
    return FargateProfileSpec.class;
  }

  @Override
  public String kind() {
    return ProfileReview.KIND;
  }

  @Override
  public String name(FargateProfileSpec part) {
    return part.name();
  }

  @Override
  public PlannedChange plan(FargateProfileSpec part, BlueprintContext blueprint) {
    EksClient eks = blueprint.kit().client(EksClient.class);
    Ec2Client ec2 = blueprint.kit().client(Ec2Client.class);
    return ProfileReview.of(eks, ec2, part, blueprint).change();
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, FargateProfileSpec part, BlueprintContext blueprint) {
    return new ProfileApplying(scope, part, blueprint).run();
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    if (blueprint.cluster().isEmpty()) {
      return List.of();
    }
    EksClient eks = blueprint.kit().client(EksClient.class);
    String cluster = blueprint.clusterName();
    List<String> names =
        AwsErrors.absentAsEmpty(
                () ->
                    Optional.of(
                        eks
                            .listFargateProfilesPaginator(r -> r.clusterName(cluster))
                            .fargateProfileNames()
                            .stream()
                            .toList()))
            .orElse(List.of());
    return names.stream()
        .filter(
            name ->
                ProfileReview.find(eks, cluster, name)
                    .filter(profile -> blueprint.isOwned(profile.tags()))
                    .isPresent())
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    EksClient eks = blueprint.kit().client(EksClient.class);
    String cluster = blueprint.clusterName();
    Scope own = scope.child(ProfileMapping.ref(cluster, name));
    return own.serialized(
        TurnKeys.fargateProfiles(cluster),
        () -> EksResources.fargateProfileDeletion(eks, cluster, name).run(own));
  }
}
