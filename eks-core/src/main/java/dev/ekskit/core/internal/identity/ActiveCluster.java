package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.spi.Scope;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * The cluster that workload identity needs: ACTIVE (its OIDC issuer and add-ons exist from then).
 */
final class ActiveCluster {
  private ActiveCluster() {}

  /** Looks at once and, while it is CREATING or UPDATING, waits; its events name the cluster. */
  static CompletableFuture<Cluster> await(Scope scope, EksClient eks, String cluster) {
    return ClusterWaits.active(
        scope.child(ResourceRef.cluster(cluster)), eks, scope.policy(WaitKind.RESUME));
  }
}
