package dev.ekskit.core.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Deletion;
import dev.ekskit.core.spi.HealthIssues;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.FargateProfileIssue;
import software.amazon.awssdk.services.eks.model.Issue;

/** The deletions of the EKS children of a cluster that a cascade delete removes. */
public final class ChildDeletions {
  private ChildDeletions() {}

  public static Deletion fargateProfile(EksClient eks, String cluster, String name) {
    return Deletion.builder(ResourceRef.child("fargate-profile", cluster, name))
        .waitKind(WaitKind.FARGATE_PROFILE_DELETE)
        .delete(() -> eks.deleteFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name)))
        .describe(
            () ->
                Optional.of(
                        eks.describeFargateProfile(
                                r -> r.clusterName(cluster).fargateProfileName(name))
                            .fargateProfile())
                    .map(
                        p ->
                            new Deletion.Observed(
                                p.statusAsString(),
                                p.health() == null
                                    ? List.of()
                                    : HealthIssues.of(
                                        p.health().issues(),
                                        FargateProfileIssue::codeAsString,
                                        FargateProfileIssue::message,
                                        FargateProfileIssue::resourceIds))))
        .build();
  }

  public static Deletion nodegroup(EksClient eks, String cluster, String name) {
    return Deletion.builder(ResourceRef.child("nodegroup", cluster, name))
        .waitKind(WaitKind.NODEGROUP_DELETE)
        .delete(() -> eks.deleteNodegroup(r -> r.clusterName(cluster).nodegroupName(name)))
        .describe(
            () ->
                Optional.of(
                        eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                            .nodegroup())
                    .map(
                        n ->
                            new Deletion.Observed(
                                n.statusAsString(),
                                n.health() == null
                                    ? List.of()
                                    : HealthIssues.of(
                                        n.health().issues(),
                                        Issue::codeAsString,
                                        Issue::message,
                                        Issue::resourceIds))))
        .build();
  }

  public static Deletion addon(EksClient eks, String cluster, String name) {
    return addon(eks, cluster, name, false);
  }

  /** With {@code preserve}, EKS stops managing the add-on but leaves its objects on the cluster. */
  public static Deletion addon(EksClient eks, String cluster, String name, boolean preserve) {
    return Deletion.builder(ResourceRef.child("addon", cluster, name))
        .waitKind(WaitKind.ADDON_DELETE)
        .delete(
            () -> eks.deleteAddon(r -> r.clusterName(cluster).addonName(name).preserve(preserve)))
        .describe(
            () ->
                Optional.of(eks.describeAddon(r -> r.clusterName(cluster).addonName(name)).addon())
                    .map(
                        a ->
                            new Deletion.Observed(
                                a.statusAsString(),
                                a.health() == null
                                    ? List.of()
                                    : HealthIssues.of(
                                        a.health().issues(),
                                        AddonIssue::codeAsString,
                                        AddonIssue::message,
                                        AddonIssue::resourceIds))))
        .build();
  }

  public static Deletion cluster(EksClient eks, String cluster) {
    return Deletion.builder(ResourceRef.cluster(cluster))
        .waitKind(WaitKind.CLUSTER_DELETE)
        .delete(() -> eks.deleteCluster(r -> r.name(cluster)))
        .describe(
            () ->
                ClusterWaits.find(eks, cluster)
                    .map(
                        c ->
                            new Deletion.Observed(
                                c.statusAsString(), ClusterMapping.healthIssues(c))))
        .failedStatus("FAILED")
        .build();
  }
}
