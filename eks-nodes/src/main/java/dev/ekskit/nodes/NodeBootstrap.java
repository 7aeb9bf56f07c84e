package dev.ekskit.nodes;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.nodes.internal.UserDataRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a node needs to join its cluster without calling {@code DescribeCluster} at boot: the API
 * endpoint, the cluster CA and the service range (the DNS IP is its {@code .10}), plus kubelet
 * labels, taints and max pods. Input to {@link UserData#render(AmiFamily, NodeBootstrap)}.
 *
 * <pre>{@code
 * NodeBootstrap fromCluster = NodeBootstrap.forCluster(clusterInfo).maxPods(110).build();
 * NodeBootstrap boot = NodeBootstrap.builder()
 *     .clusterName("orders")
 *     .apiServerEndpoint("https://ABCD.gr7.eu-west-1.eks.amazonaws.com")
 *     .certificateAuthority("LS0tLS1CRUdJTi...")
 *     .serviceIpv4Cidr("10.100.0.0/16")
 *     .putLabels("workload", "general")
 *     .addTaints(NodeTaint.of("dedicated", "batch", NodeTaint.Effect.NO_SCHEDULE))
 *     .maxPods(58)
 *     .build();
 * }</pre>
 *
 * <p>Values are checked against what kubelet accepts, so none can break out of the generated shell,
 * YAML, TOML or PowerShell.
 */
@Value.Immutable
@SpecStyle
public abstract class NodeBootstrap {
  NodeBootstrap() {}

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, to change some of them. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * A builder holding what {@code cluster} says: name, endpoint, CA and service range. The cluster
   * must be ACTIVE; anything it does not report is left for you to set before {@code build()}.
   */
  public static Builder forCluster(ClusterInfo cluster) {
    var network = cluster.sdkCluster().kubernetesNetworkConfig();
    String serviceCidr = network == null ? null : network.serviceIpv4Cidr();
    Builder builder = builder().clusterName(cluster.name());
    if (cluster.endpoint() != null) {
      builder.apiServerEndpoint(cluster.endpoint());
    }
    if (cluster.certificateAuthorityData() != null) {
      builder.certificateAuthority(cluster.certificateAuthorityData());
    }
    if (serviceCidr != null) {
      builder.serviceIpv4Cidr(serviceCidr);
    }
    return builder;
  }

  public abstract String clusterName();

  /** {@code https://...}, from {@code DescribeCluster}'s {@code endpoint}. */
  public abstract String apiServerEndpoint();

  /** The base64 CA bundle, from {@code DescribeCluster}'s {@code certificateAuthority.data}. */
  public abstract String certificateAuthority();

  /** The Kubernetes service range, e.g. {@code 10.100.0.0/16}. */
  public abstract String serviceIpv4Cidr();

  public abstract Map<String, String> labels();

  /** Taints kubelet registers the node with, at most 50, one per key and effect. */
  public abstract List<NodeTaint> taints();

  public abstract Optional<Integer> maxPods();

  /** Shell (or, on Windows, PowerShell) lines that run before the bootstrap. */
  public abstract List<String> preBootstrapCommands();

  /** The cluster DNS service IP: the {@code .10} address of the service range. */
  public String dnsClusterIp() {
    return UserDataRules.dnsIp(serviceIpv4Cidr());
  }

  @Value.Check
  void check() {
    UserDataRules.check(this);
  }

  /** Builds a {@link NodeBootstrap}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableNodeBootstrap.Builder {
    Builder() {}
  }
}
