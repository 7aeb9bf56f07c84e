package dev.ekskit.fargate.internal;

import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Deletion;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The delete of one Fargate profile: delete, then wait until it is gone. A 409 while another
 * profile of the cluster is in transition is waited out. Run it in the cluster's turn.
 */
public final class ProfileDeletion {
  private ProfileDeletion() {}

  public static Deletion of(EksClient eks, String clusterName, String profileName) {
    return Deletion.builder(ProfileMapping.ref(clusterName, profileName))
        .waitKind(WaitKind.FARGATE_PROFILE_DELETE)
        .delete(
            () ->
                eks.deleteFargateProfile(
                    r -> r.clusterName(clusterName).fargateProfileName(profileName)))
        .describe(
            () ->
                Optional.of(
                        eks.describeFargateProfile(
                                r -> r.clusterName(clusterName).fargateProfileName(profileName))
                            .fargateProfile())
                    .map(
                        profile ->
                            new Deletion.Observed(
                                profile.statusAsString(), ProfileMapping.healthIssues(profile))))
        .build();
  }
}
