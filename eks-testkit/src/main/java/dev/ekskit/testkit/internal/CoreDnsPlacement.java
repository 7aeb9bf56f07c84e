package dev.ekskit.testkit.internal;

import dev.ekskit.testkit.internal.Lifecycle.Phase;
import java.util.regex.Pattern;

/**
 * Whether CoreDNS's pods can be scheduled: on an ACTIVE node group, or on Fargate when the add-on's
 * configuration asks for {@code computeType: Fargate} and an ACTIVE Fargate profile selects {@code
 * kube-system}. Until then EKS reports the {@code coredns} add-on DEGRADED.
 */
final class CoreDnsPlacement {
  private static final Pattern FARGATE = Pattern.compile("\"computeType\"\\s*:\\s*\"Fargate\"");

  private final EksContext context;
  private final NodegroupStore nodegroups;
  private final FargateStore fargateProfiles;

  CoreDnsPlacement(EksContext context, NodegroupStore nodegroups, FargateStore fargateProfiles) {
    this.context = context;
    this.nodegroups = nodegroups;
    this.fargateProfiles = fargateProfiles;
  }

  boolean schedulable(String clusterName, String configurationValues) {
    boolean nodes =
        nodegroups.inCluster(clusterName).stream()
            .anyMatch(n -> n.lifecycle.phase(context.now()) == Phase.ACTIVE);
    boolean fargate =
        configurationValues != null
            && FARGATE.matcher(configurationValues).find()
            && fargateProfiles.inCluster(clusterName).stream()
                .anyMatch(
                    p ->
                        p.lifecycle.phase(context.now()) == Phase.ACTIVE
                            && p.request.selectors().stream()
                                .anyMatch(s -> selects(s.namespace(), "kube-system")));
    return nodes || fargate;
  }

  private static boolean selects(String pattern, String namespace) {
    String regex = pattern.replace("*", ".*").replace("?", ".");
    return namespace.matches(regex);
  }
}
