package dev.ekskit.core.internal.addons;

import java.util.List;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;

/**
 * Whether a cluster has anywhere to run an add-on's pods: Auto Mode compute with node pools, a
 * managed node group that is ACTIVE (or UPDATING, which keeps its nodes), or an ACTIVE Fargate
 * profile selecting the add-on's namespace. Self-managed nodes are not visible to EKS's API, so a
 * cluster with only those counts as having none.
 */
final class ClusterCapacity {
  private ClusterCapacity() {}

  /**
   * Blocking: a describe of the cluster, then lists and describes of its node groups and profiles.
   */
  static boolean present(EksClient eks, String cluster, String namespace) {
    Cluster described = eks.describeCluster(r -> r.name(cluster)).cluster();
    if (described.computeConfig() != null
        && Boolean.TRUE.equals(described.computeConfig().enabled())
        && !described.computeConfig().nodePools().isEmpty()) {
      return true;
    }
    for (String nodegroup : eks.listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups()) {
      String status =
          eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(nodegroup))
              .nodegroup()
              .statusAsString();
      if (status.equals("ACTIVE") || status.equals("UPDATING")) {
        return true;
      }
    }
    for (String name :
        eks.listFargateProfilesPaginator(r -> r.clusterName(cluster)).fargateProfileNames()) {
      FargateProfile profile =
          eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
              .fargateProfile();
      if (profile.statusAsString().equals("ACTIVE") && selects(profile.selectors(), namespace)) {
        return true;
      }
    }
    return false;
  }

  /** Fargate selectors take {@code *} and {@code ?} wildcards in the namespace. */
  static boolean selects(List<FargateProfileSelector> selectors, String namespace) {
    return selectors.stream()
        .map(FargateProfileSelector::namespace)
        .anyMatch(
            pattern ->
                pattern != null
                    && namespace.matches(
                        java.util.regex.Pattern.quote(pattern)
                            .replace("*", "\\E.*\\Q")
                            .replace("?", "\\E.\\Q")));
  }
}
