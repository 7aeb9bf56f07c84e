package dev.ekskit.fargate.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateSelector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What "make this cluster Fargate-only" needs of its profiles: one cluster, CoreDNS selected, each
 * profile with its role and subnets.
 */
public final class FargateOnlyRules {
  private static final String SYSTEM = "kube-system";
  private static final Map<String, String> COREDNS_LABELS = Map.of("k8s-app", "kube-dns");

  private FargateOnlyRules() {}

  /** Returns the cluster's name, or throws {@link dev.ekskit.core.InvalidSpecException}. */
  public static String requireValid(List<FargateProfileSpec> profiles) {
    Violations v = new Violations("FargateOnly");
    Set<String> clusters = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < profiles.size(); i++) {
      FargateProfileSpec p = profiles.get(i);
      clusters.add(p.clusterName());
      if (!names.add(p.name())) {
        v.add("profiles", "unique", "names profile '" + p.name() + "' twice");
      }
      String at = "profiles[" + i + "].";
      FargateSpecRules.creatable(p).forEach(f -> v.add(at + f.field(), f.rule(), f.message()));
    }
    if (profiles.isEmpty()) {
      v.add("profiles", "required", "needs at least one profile");
    }
    if (clusters.size() > 1) {
      v.add("profiles", "one-cluster", "must all belong to one cluster, found " + clusters);
    }
    boolean coreDnsSelected =
        profiles.stream()
            .flatMap(p -> p.selectors().stream())
            .anyMatch(FargateOnlyRules::selectsCoreDns);
    if (!profiles.isEmpty() && !coreDnsSelected) {
      v.add(
          "profiles",
          "kube-system",
          "no profile selects namespace kube-system (without labels or with k8s-app=kube-dns),"
              + " so CoreDNS could not run on Fargate");
    }
    v.throwIfAny();
    return clusters.iterator().next();
  }

  /** Whether CoreDNS's pods match {@code selector}. */
  public static boolean selectsCoreDns(FargateSelector selector) {
    String regex = selector.namespace().replace("*", ".*").replace("?", ".");
    boolean labelsMatch = selector.labels().isEmpty() || selector.labels().equals(COREDNS_LABELS);
    return SYSTEM.matches(regex) && labelsMatch;
  }
}
