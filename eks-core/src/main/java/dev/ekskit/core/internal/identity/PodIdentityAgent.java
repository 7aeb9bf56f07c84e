package dev.ekskit.core.internal.identity;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.addons.AddonCreation;
import dev.ekskit.core.spi.Scope;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * The {@code eks-pod-identity-agent} add-on that Pod Identity needs on the nodes: made at EKS's
 * default version for the cluster's Kubernetes version when missing (one that exists is adopted as
 * it is), through the add-ons' own create and wait. An Auto Mode cluster has the agent built in, so
 * nothing is made there. The add-on goes with the cluster.
 */
final class PodIdentityAgent {
  static final String NAME = "eks-pod-identity-agent";

  private PodIdentityAgent() {}

  /** Completes when the agent is there (or built in). */
  static CompletableFuture<Void> ensure(Scope parent, EksClient eks, Cluster cluster) {
    if (cluster.computeConfig() != null && Boolean.TRUE.equals(cluster.computeConfig().enabled())) {
      return CompletableFuture.completedFuture(null);
    }
    return AddonCreation.run(
            parent.child(ResourceRef.child("addon", cluster.name(), NAME)),
            eks,
            AddonSpec.builder().clusterName(cluster.name()).name(NAME).build(),
            AddonCreation.IfExists.ADOPT)
        .thenApply(agent -> null);
  }
}
