package dev.ekskit.core.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.FargateProfileIssue;
import software.amazon.awssdk.services.eks.model.Issue;

/**
 * The deletions of a cluster's children, shared by the cascade delete and the modules that own
 * those children (a Fargate profile deleted alone waits its turn exactly as in a cascade).
 */
public final class ChildDeletions {
  private ChildDeletions() {}

  public static ChildDeletion fargateProfile(EksClient eks, String cluster, String name) {
    return new ChildDeletion(
        ResourceRef.child("fargate-profile", cluster, name),
        WaitKind.FARGATE_PROFILE_DELETE,
        () -> eks.deleteFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name)),
        () ->
            Optional.of(
                    eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                        .fargateProfile())
                .map(
                    p ->
                        new ChildDeletion.Observed(
                            p.statusAsString(),
                            p.health() == null
                                ? List.of()
                                : HealthIssues.of(
                                    p.health().issues(),
                                    FargateProfileIssue::codeAsString,
                                    FargateProfileIssue::message,
                                    FargateProfileIssue::resourceIds))),
        "DELETE_FAILED");
  }

  public static ChildDeletion nodegroup(EksClient eks, String cluster, String name) {
    return new ChildDeletion(
        ResourceRef.child("nodegroup", cluster, name),
        WaitKind.NODEGROUP_DELETE,
        () -> eks.deleteNodegroup(r -> r.clusterName(cluster).nodegroupName(name)),
        () ->
            Optional.of(
                    eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                        .nodegroup())
                .map(
                    n ->
                        new ChildDeletion.Observed(
                            n.statusAsString(),
                            n.health() == null
                                ? List.of()
                                : HealthIssues.of(
                                    n.health().issues(),
                                    Issue::codeAsString,
                                    Issue::message,
                                    Issue::resourceIds))),
        "DELETE_FAILED");
  }

  public static ChildDeletion addon(EksClient eks, String cluster, String name) {
    return new ChildDeletion(
        ResourceRef.child("addon", cluster, name),
        WaitKind.ADDON_DELETE,
        () -> eks.deleteAddon(r -> r.clusterName(cluster).addonName(name)),
        () ->
            Optional.of(eks.describeAddon(r -> r.clusterName(cluster).addonName(name)).addon())
                .map(
                    a ->
                        new ChildDeletion.Observed(
                            a.statusAsString(),
                            a.health() == null
                                ? List.of()
                                : HealthIssues.of(
                                    a.health().issues(),
                                    AddonIssue::codeAsString,
                                    AddonIssue::message,
                                    AddonIssue::resourceIds))),
        "DELETE_FAILED");
  }
}
