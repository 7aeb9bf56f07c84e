package dev.ekskit.simulator.internal;

import java.util.List;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.ComputeConfigRequest;
import software.amazon.awssdk.services.eks.model.ComputeConfigResponse;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.ElasticLoadBalancing;
import software.amazon.awssdk.services.eks.model.StorageConfigResponse;

/**
 * A cluster's EKS Auto Mode: compute (node pools and their node role), block storage and load
 * balancing, which EKS takes only all on or all off, with the self-managed add-ons not bootstrapped
 * and authentication through access entries.
 */
record AutoModeSettings(boolean enabled, List<String> nodePools, String nodeRoleArn) {
  static final AutoModeSettings OFF = new AutoModeSettings(false, List.of(), null);
  private static final List<String> NODE_POOLS = List.of("general-purpose", "system");

  /** The settings of a CreateCluster request, refused as EKS refuses them. */
  static AutoModeSettings of(CreateClusterRequest request, AuthenticationMode mode) {
    boolean compute = request.computeConfig() != null && isTrue(request.computeConfig().enabled());
    boolean storage =
        request.storageConfig() != null
            && request.storageConfig().blockStorage() != null
            && isTrue(request.storageConfig().blockStorage().enabled());
    ElasticLoadBalancing elb =
        request.kubernetesNetworkConfig() == null
            ? null
            : request.kubernetesNetworkConfig().elasticLoadBalancing();
    boolean loadBalancing = elb != null && isTrue(elb.enabled());
    if (compute != storage || storage != loadBalancing) {
      throw Errors.invalidParameter(
          "For EKS Auto Mode, computeConfig, storageConfig.blockStorage and"
              + " kubernetesNetworkConfig.elasticLoadBalancing must all be enabled or all be"
              + " disabled");
    }
    if (!compute) {
      return OFF;
    }
    if (!Boolean.FALSE.equals(request.bootstrapSelfManagedAddons())) {
      throw Errors.invalidParameter(
          "bootstrapSelfManagedAddons must be false when EKS Auto Mode is enabled");
    }
    if (mode == AuthenticationMode.CONFIG_MAP) {
      throw Errors.invalidParameter(
          "EKS Auto Mode requires the authentication mode API or API_AND_CONFIG_MAP");
    }
    ComputeConfigRequest config = request.computeConfig();
    List<String> pools = config.nodePools();
    if (!NODE_POOLS.containsAll(pools)) {
      throw Errors.invalidParameter("nodePools must be among " + NODE_POOLS + ", was " + pools);
    }
    if (!pools.isEmpty() && config.nodeRoleArn() == null) {
      throw Errors.invalidParameter("nodeRoleArn is required when nodePools are given");
    }
    return new AutoModeSettings(true, List.copyOf(pools), config.nodeRoleArn());
  }

  boolean hasNodePools() {
    return enabled && !nodePools.isEmpty();
  }

  ComputeConfigResponse compute() {
    return ComputeConfigResponse.builder()
        .enabled(enabled)
        .nodePools(nodePools)
        .nodeRoleArn(nodeRoleArn)
        .build();
  }

  StorageConfigResponse storage() {
    return StorageConfigResponse.builder().blockStorage(b -> b.enabled(enabled)).build();
  }

  ElasticLoadBalancing loadBalancing() {
    return ElasticLoadBalancing.builder().enabled(enabled).build();
  }

  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
