package dev.ekskit.core;

import dev.ekskit.core.spi.SpecStyle;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * EKS Auto Mode for a cluster: AWS runs the nodes (EC2 managed instances in built-in node pools),
 * block storage and load balancing, which EKS enables together. Turn it on with {@link
 * ClusterSpec.Builder#autoMode(AutoMode)}; ekskit then sends {@code computeConfig}, {@code
 * storageConfig.blockStorage} and {@code kubernetesNetworkConfig.elasticLoadBalancing} enabled, and
 * {@code bootstrapSelfManagedAddons} false, as EKS requires.
 *
 * <pre>{@code
 * ClusterSpec.builder().name("orders")...
 *     .autoMode(AutoMode.builder().nodeRoleArn("arn:aws:iam::123456789012:role/eks-auto-node").build())
 *     .build();
 * }</pre>
 *
 * <p>The cluster role needs, besides AmazonEKSClusterPolicy, the managed policies
 * AmazonEKSComputePolicy, AmazonEKSBlockStoragePolicy, AmazonEKSLoadBalancingPolicy and
 * AmazonEKSNetworkingPolicy, and its trust policy must allow {@code sts:TagSession}; the node role
 * needs AmazonEKSWorkerNodeMinimalPolicy and AmazonEC2ContainerRegistryPullOnly. Auto Mode needs
 * authentication by access entries ({@code API} or {@code API_AND_CONFIG_MAP}) and Kubernetes 1.29
 * or later. Deleting the cluster waits until its instances are gone.
 */
@Value.Immutable
@SpecStyle
public abstract class AutoMode {
  AutoMode() {}

  /** The built-in node pools of Auto Mode. */
  public enum NodePool {
    /** For general workloads. */
    GENERAL_PURPOSE("general-purpose"),
    /** For cluster-critical add-ons, tainted so that only they run there. */
    SYSTEM("system");

    private final String eksName;

    NodePool(String eksName) {
      this.eksName = eksName;
    }

    /** As EKS names it, e.g. {@code general-purpose}. */
    public String eksName() {
      return eksName;
    }

    /** The pool EKS names {@code eksName}, if any. */
    public static Optional<NodePool> fromEksName(String eksName) {
      for (NodePool pool : values()) {
        if (pool.eksName.equals(eksName)) {
          return Optional.of(pool);
        }
      }
      return Optional.empty();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The built-in node pools to run; both unless set. None (an empty set) means only node pools you
   * define in Kubernetes run nodes.
   */
  @Value.Default
  public Set<NodePool> nodePools() {
    return Set.of(NodePool.GENERAL_PURPOSE, NodePool.SYSTEM);
  }

  /** The IAM role of the nodes of the built-in node pools; required when there are any. */
  public abstract Optional<String> nodeRoleArn();

  /** Builds an {@link AutoMode}; the cluster spec checks it at its own {@code build()}. */
  public static final class Builder extends ImmutableAutoMode.Builder {
    Builder() {}
  }
}
