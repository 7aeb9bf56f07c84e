package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The networking add-ons of a cluster created with {@code bootstrapSelfManagedAddons(false)}:
 * vpc-cni, kube-proxy and coredns as EKS-managed add-ons at EKS's default versions, as eksctl makes
 * them, all at once once the cluster is ACTIVE. Existing ones are adopted as they are (their owner
 * may have changed them since); coredns stays DEGRADED until nodes exist, which is not a failure.
 * Auto Mode clusters run these as part of Auto Mode and get none.
 */
public final class BootstrapAddons {
  static final List<String> NAMES = List.of("vpc-cni", "kube-proxy", "coredns");

  private BootstrapAddons() {}

  /** Whether a cluster of {@code spec} gets them. */
  public static boolean wanted(ClusterSpec spec) {
    return !spec.bootstrapSelfManagedAddons() && spec.autoMode().isEmpty();
  }

  public static CompletableFuture<List<AddonInfo>> run(
      Scope scope, EksClient eks, ClusterSpec spec) {
    String cluster = spec.name();
    return scope.parallel(
        NAMES,
        NAMES.size(),
        name ->
            AddonCreation.run(
                scope.child(ResourceRef.child("addon", cluster, name)),
                eks,
                AddonSpec.builder().clusterName(cluster).name(name).tags(spec.tags()).build(),
                AddonCreation.IfExists.ADOPT));
  }
}
