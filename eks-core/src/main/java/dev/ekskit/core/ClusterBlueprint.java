package dev.ekskit.core;

import dev.ekskit.core.internal.blueprint.BlueprintRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A whole cluster as one value: the cluster, the network and IAM roles it needs (given, or made by
 * the blueprint), its add-ons, access entries, workload identities, and any number of parts from
 * modules (managed and self-managed node groups, Fargate profiles). {@link Blueprints} plans,
 * applies, upgrades and deletes it as one resumable operation. Immutable; {@code build()} checks
 * the blueprint as a whole (every spec names its cluster, names are unique, the roles and subnets
 * every part needs are given or made, each part's own rules within the blueprint) and reports every
 * violation at once with its path, e.g. {@code parts[2].ami.family}.
 *
 * <pre>{@code
 * ClusterBlueprint blueprint = ClusterBlueprint.builder()
 *     .cluster(ClusterSpec.builder().name("orders").kubernetesVersion("1.33").build())
 *     .network(NetworkSpec.builder().name("orders").build())        // VPC, subnets, NAT
 *     .clusterRole(ClusterRoleSpec.builder().name("orders-cluster").build())
 *     .nodeRole(NodeRoleSpec.builder().name("orders-nodes").build())
 *     .addAddons(AddonSpec.builder().clusterName("orders").name("vpc-cni").build(),
 *                AddonSpec.builder().clusterName("orders").name("coredns").build())
 *     .addParts(NodegroupSpec.builder().clusterName("orders").name("general")
 *                   .addInstanceTypes("m7g.large").ami(AmiChoice.al2023(CpuArch.ARM64)).build())
 *     .build();
 * }</pre>
 *
 * <p>What the blueprint makes it fills in where the specs leave it out: the cluster's role and
 * subnets (all of the network's, private first) and control-plane security group; node groups' node
 * role and subnets (the private ones when the network has NAT gateways, else the public ones);
 * Fargate profiles' private subnets. Everything it creates is tagged {@code
 * ekskit.dev/blueprint=<cluster>}, which is how a later plan knows a part removed from the
 * blueprint is its to delete.
 */
@Value.Immutable
@SpecStyle
public abstract class ClusterBlueprint {
  ClusterBlueprint() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The cluster. Leave {@link ClusterSpec#roleArn()} out when {@link #clusterRole()} is set, and
   * {@link ClusterSpec#subnetIds()} when {@link #network()} is.
   */
  public abstract ClusterSpec cluster();

  /** The network to make for the cluster; when absent, the cluster spec names its subnets. */
  public abstract Optional<NetworkSpec> network();

  /** The cluster role to make; when absent, the cluster spec names its role. */
  public abstract Optional<ClusterRoleSpec> clusterRole();

  /** The node role to make for parts that name none. */
  public abstract Optional<NodeRoleSpec> nodeRole();

  /**
   * EKS add-ons. vpc-cni, kube-proxy and eks-pod-identity-agent come before nodes, others after.
   */
  public abstract List<AddonSpec> addons();

  /** Access entries with their access policies. */
  public abstract List<AccessEntrySpec> accessEntries();

  /** Pod Identity associations, with roles given or made. */
  public abstract List<PodIdentityAssociationSpec> podIdentityAssociations();

  /** IRSA roles for service accounts; the cluster's OIDC provider is made for them. */
  public abstract List<ServiceAccountRoleSpec> serviceAccountRoles();

  /** Parts from modules: node groups, self-managed node groups, Fargate profiles. */
  public abstract List<BlueprintPart> parts();

  /** The cluster's name, which names the blueprint too. */
  public String clusterName() {
    return cluster().name();
  }

  /** This blueprint with the cluster at {@code kubernetesVersion}, as an upgrade applies it. */
  public ClusterBlueprint withKubernetesVersion(String kubernetesVersion) {
    return toBuilder()
        .cluster(cluster().toBuilder().kubernetesVersion(kubernetesVersion).build())
        .build();
  }

  @Value.Check
  void check() {
    BlueprintRules.check(this);
  }

  /** Builds a {@link ClusterBlueprint}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableClusterBlueprint.Builder {
    Builder() {}
  }
}
