package dev.ekskit.core;

import java.util.List;

/**
 * What {@link Blueprints#delete(String, DeleteOptions)} removed.
 *
 * <pre>{@code
 * BlueprintDeletion deleted = kit.blueprints().delete(blueprint).join();
 * log.info("cluster deleted: {}, network parts: {}", deleted.cluster().clusterDeleted(),
 *     deleted.networkParts().size());
 * }</pre>
 *
 * @param clusterName the blueprint's cluster
 * @param cluster the cluster's cascade delete: profiles, node groups, add-ons, modules' parts,
 *     roles and OIDC provider made for it
 * @param loadBalancers the load balancers, target groups and security groups Kubernetes controllers
 *     had left in the VPC, deleted because {@link DeleteOptions#deleteLoadBalancers()} asked for it
 * @param networkParts the ids of the network's parts this run deleted; empty when the blueprint
 *     made no network, or it was gone
 */
public record BlueprintDeletion(
    String clusterName,
    ClusterDeletion cluster,
    List<String> loadBalancers,
    List<String> networkParts) {

  public BlueprintDeletion {
    loadBalancers = List.copyOf(loadBalancers);
    networkParts = List.copyOf(networkParts);
  }
}
