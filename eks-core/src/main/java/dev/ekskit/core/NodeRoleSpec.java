package dev.ekskit.core;

import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The IAM role of a cluster's EC2 nodes: trusted by {@code ec2.amazonaws.com}, with the AWS managed
 * policies {@code AmazonEKSWorkerNodePolicy} and {@code AmazonEC2ContainerRegistryPullOnly}, plus
 * {@code AmazonEKS_CNI_Policy} unless the VPC CNI has an identity of its own (AWS recommends one:
 * IRSA or Pod Identity for the {@code aws-node} service account), plus {@code
 * AmazonSSMManagedInstanceCore} only when asked (least privilege: Session Manager access to nodes
 * is off by default).
 *
 * <pre>{@code
 * NodeRoleSpec spec = NodeRoleSpec.builder()
 *     .name("orders-nodes")
 *     .clusterName("orders")
 *     .cniHasOwnIdentity(true)             // no AmazonEKS_CNI_Policy on the nodes
 *     .build();
 * String nodeRoleArn = kit.roles().createNodeRole(spec).join().arn();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class NodeRoleSpec {
  NodeRoleSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The role named {@code name} with the standard policies and no cluster of its own. */
  public static NodeRoleSpec of(String name) {
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
   * Whether the VPC CNI ({@code aws-node}) gets its permissions through IRSA or Pod Identity, so
   * that the nodes need no {@code AmazonEKS_CNI_Policy}.
   */
  @Value.Default
  public boolean cniHasOwnIdentity() {
    return false;
  }

  /** Whether to attach {@code AmazonSSMManagedInstanceCore}, for Session Manager access. */
  @Value.Default
  public boolean ssmManagedInstanceCore() {
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

  /** Builds a {@link NodeRoleSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableNodeRoleSpec.Builder {
    Builder() {}
  }
}
