package dev.ekskit.core.internal.automode;

import dev.ekskit.core.AutoMode;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.FieldDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ComputeConfigResponse;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.ElasticLoadBalancing;

/**
 * Auto Mode in EKS's terms: the three capabilities of a CreateCluster request, and where an
 * existing cluster differs. A cluster whose description says nothing of compute (an emulator)
 * matches anything.
 */
public final class AutoModeMapping {
  private AutoModeMapping() {}

  /** Load balancing of the Kubernetes network config: on with Auto Mode, unsent without. */
  public static ElasticLoadBalancing loadBalancing(ClusterSpec spec) {
    return spec.autoMode().isEmpty() ? null : ElasticLoadBalancing.builder().enabled(true).build();
  }

  /** Compute and block storage, and no self-managed add-ons, when the spec asks for them. */
  public static void apply(ClusterSpec spec, CreateClusterRequest.Builder request) {
    spec.autoMode()
        .ifPresent(
            auto ->
                request
                    .computeConfig(
                        c ->
                            c.enabled(true)
                                .nodePools(poolNames(auto))
                                .nodeRoleArn(auto.nodeRoleArn().orElse(null)))
                    .storageConfig(s -> s.blockStorage(b -> b.enabled(true))));
    if (!spec.bootstrapSelfManagedAddons()) {
      request.bootstrapSelfManagedAddons(false);
    }
  }

  /** Whether EKS describes {@code cluster} as running Auto Mode. */
  public static boolean enabled(Cluster cluster) {
    return cluster.computeConfig() != null
        && Boolean.TRUE.equals(cluster.computeConfig().enabled());
  }

  public static List<FieldDifference> differences(ClusterSpec spec, Cluster actual) {
    ComputeConfigResponse compute = actual.computeConfig();
    List<FieldDifference> diff = new ArrayList<>();
    if (compute == null) {
      return diff;
    }
    boolean on = enabled(actual);
    if (spec.autoMode().isPresent() != on) {
      diff.add(new FieldDifference("autoMode", state(spec.autoMode().isPresent()), state(on)));
      return diff;
    }
    if (on) {
      AutoMode auto = spec.autoMode().get();
      Set<String> wanted = new TreeSet<>(poolNames(auto));
      Set<String> found = new TreeSet<>(compute.nodePools());
      if (!wanted.equals(found)) {
        diff.add(new FieldDifference("autoMode.nodePools", wanted.toString(), found.toString()));
      }
      String role = Optional.ofNullable(compute.nodeRoleArn()).orElse("none");
      if (!auto.nodeRoleArn().orElse("none").equals(role)) {
        diff.add(
            new FieldDifference("autoMode.nodeRoleArn", auto.nodeRoleArn().orElse("none"), role));
      }
    }
    return diff;
  }

  private static List<String> poolNames(AutoMode auto) {
    return auto.nodePools().stream()
        .map(AutoMode.NodePool::eksName)
        .sorted()
        .collect(Collectors.toList());
  }

  private static String state(boolean on) {
    return on ? "on" : "off";
  }
}
