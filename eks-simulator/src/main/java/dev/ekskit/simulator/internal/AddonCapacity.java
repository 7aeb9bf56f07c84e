package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.internal.Lifecycle.Phase;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an add-on's pods can be scheduled. Add-ons that run as a Deployment (coredns,
 * aws-ebs-csi-driver's controller, metrics-server) need capacity: an ACTIVE node group, Auto Mode
 * compute with node pools, or, for coredns told {@code computeType: Fargate} and for
 * metrics-server, an ACTIVE Fargate profile selecting {@code kube-system}. Until then EKS reports
 * them DEGRADED; DaemonSet add-ons (vpc-cni, kube-proxy, eks-pod-identity-agent) are ACTIVE with no
 * node at all.
 */
final class AddonCapacity {
  private static final Set<String> NEEDS_CAPACITY =
      Set.of("coredns", "aws-ebs-csi-driver", "metrics-server");
  private static final Pattern FARGATE = Pattern.compile("\"computeType\"\\s*:\\s*\"Fargate\"");

  private final EksContext context;
  private final NodegroupStore nodegroups;
  private final FargateStore fargateProfiles;
  private final ClusterStore clusters;

  AddonCapacity(
      EksContext context,
      NodegroupStore nodegroups,
      FargateStore fargateProfiles,
      ClusterStore clusters) {
    this.context = context;
    this.nodegroups = nodegroups;
    this.fargateProfiles = fargateProfiles;
    this.clusters = clusters;
  }

  boolean schedulable(String clusterName, String addonName, String configurationValues) {
    if (!NEEDS_CAPACITY.contains(addonName)) {
      return true;
    }
    boolean nodes =
        nodegroups.inCluster(clusterName).stream()
            .anyMatch(n -> n.lifecycle.phase(context.now()) == Phase.ACTIVE);
    boolean autoMode = clusters.require(clusterName).autoMode.hasNodePools();
    return nodes || autoMode || fargateRuns(clusterName, addonName, configurationValues);
  }

  private boolean fargateRuns(String clusterName, String addonName, String configurationValues) {
    boolean told =
        addonName.equals("metrics-server")
            || addonName.equals("coredns")
                && configurationValues != null
                && FARGATE.matcher(configurationValues).find();
    return told
        && fargateProfiles.inCluster(clusterName).stream()
            .anyMatch(
                p ->
                    p.lifecycle.phase(context.now()) == Phase.ACTIVE
                        && p.request.selectors().stream()
                            .anyMatch(s -> selects(s.namespace(), "kube-system")));
  }

  private static boolean selects(String pattern, String namespace) {
    String regex = pattern.replace("*", ".*").replace("?", ".");
    return namespace.matches(regex);
  }
}
