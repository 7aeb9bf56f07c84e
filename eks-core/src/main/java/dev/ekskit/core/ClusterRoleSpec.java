package dev.ekskit.core;

import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The IAM role EKS assumes to run a cluster's control plane: trusted by {@code eks.amazonaws.com}
 * ({@code sts:AssumeRole} and {@code sts:TagSession}), with the AWS managed policies {@code
 * AmazonEKSClusterPolicy} and {@code AmazonEKSVPCResourceController} (which Windows nodes and
 * security groups for pods need), and with {@link #autoMode()} also {@code AmazonEKSComputePolicy},
 * {@code AmazonEKSBlockStoragePolicy}, {@code AmazonEKSLoadBalancingPolicy} and {@code
 * AmazonEKSNetworkingPolicy}. Policy ARNs get the partition of the account the role is made in.
 *
 * <pre>{@code
 * ClusterRoleSpec spec = ClusterRoleSpec.builder()
 *     .name("orders-cluster")
 *     .clusterName("orders")               // deleted with the cluster by kit.clusters().delete
 *     .permissionsBoundaryArn("arn:aws:iam::123456789012:policy/eks-boundary")
 *     .putTags("team", "payments")
 *     .build();
 * String roleArn = kit.roles().createClusterRole(spec).join().arn();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class ClusterRoleSpec {
  ClusterRoleSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The role named {@code name} with the standard policies and no cluster of its own. */
  public static ClusterRoleSpec of(String name) {
    return builder().name(name).build();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** 1–64 letters, digits and {@code +=,.@_-}. */
  public abstract String name();

  /** The role's path: {@code /}, or one that starts and ends with {@code /}. */
  @Value.Default
  public String path() {
    return "/";
  }

  /** A managed policy ARN that caps what the role may ever do, for accounts that require one. */
  public abstract Optional<String> permissionsBoundaryArn();

  /**
   * Whether the cluster runs EKS Auto Mode, whose compute, storage and load balancing need more.
   */
  @Value.Default
  public boolean autoMode() {
    return false;
  }

  /**
   * The cluster the role is made for: it is tagged with it, and deleting that cluster with {@code
   * kit.clusters().delete} deletes the role too. Without it the role outlives every cluster.
   */
  public abstract Optional<String> clusterName();

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    IdentityRules.check(this);
  }

  /** Builds a {@link ClusterRoleSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableClusterRoleSpec.Builder {
    Builder() {}
  }
}
