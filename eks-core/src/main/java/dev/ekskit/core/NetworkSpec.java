package dev.ekskit.core;

import dev.ekskit.core.internal.network.NetworkSpecRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A VPC laid out as {@code eksctl create cluster} lays out its own: a public and a private subnet
 * in each of 2–4 Availability Zones, an internet gateway, NAT gateways for the private subnets, and
 * the security groups a cluster and its nodes share. Immutable; {@link #builder()} checks every
 * rule that needs no AWS call at {@code build()} and reports all violations at once in an {@link
 * InvalidSpecException}. {@link Networks#create(NetworkSpec)} checks the zones against the account
 * before its first mutating call.
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpec.builder()
 *     .name("orders")
 *     .clusterName("orders")                   // tags the subnets for the cluster's load balancers
 *     .addInstanceTypes("m7g.large")           // only zones that offer it
 *     .build();                                // 192.168.0.0/16, 3 zones (2 if fewer), one NAT
 * NetworkInfo network = kit.networks().create(spec).join();
 * kit.clusters().create(ClusterSpec.builder().name("orders").roleArn(role)
 *     .subnetIds(network.subnetIds())
 *     .addSecurityGroupIds(network.controlPlaneSecurityGroupId())
 *     .build()).join();
 * }</pre>
 *
 * <p>The CIDR block splits into 8 blocks of its prefix + 3 (a /16 into /19s): zone {@code i}'s
 * public subnet takes block {@code i}, its private subnet block {@code i + zones}, as eksctl does.
 * Bringing your own subnets stays first-class: {@link ClusterSpec} takes any subnet ids.
 */
@Value.Immutable
@SpecStyle
public abstract class NetworkSpec {
  NetworkSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * 1–100 characters: letters, digits, {@code -} and {@code _}, starting with a letter or digit.
   * Names every part ({@code <name>-vpc}, {@code <name>-public-subnet-us-east-1a}, ...) and tags it
   * {@code ekskit.dev/network=<name>}: a second create with the same name adopts the network.
   */
  public abstract String name();

  /** The VPC's IPv4 block, from /16 to /24; {@code 192.168.0.0/16} by default, as eksctl's. */
  @Value.Default
  public String cidrBlock() {
    return "192.168.0.0/16";
  }

  /**
   * How many Availability Zones, 2 to 4 (the CIDR's 8 blocks hold 4 pairs of subnets). When neither
   * this nor {@link #zones()} is set: 3 if the region has 3 usable zones, else 2. Zones are chosen
   * in name order among those that are available, that EKS supports for control planes (not {@code
   * use1-az3}, {@code usw1-az2}, {@code cac1-az3}) and that offer every one of {@link
   * #instanceTypes()}.
   */
  public abstract OptionalInt zoneCount();

  /** The Availability Zones by name (2 to 4, e.g. {@code us-east-1a}), instead of a count. */
  public abstract List<String> zones();

  @Value.Default
  public NatMode natMode() {
    return NatMode.SINGLE;
  }

  /**
   * The cluster the network is for: its subnets are tagged {@code kubernetes.io/cluster/<name> =
   * shared} for the load balancer controller, and every part {@code ekskit.dev/cluster=<name>}.
   */
  public abstract Optional<String> clusterName();

  /** Instance types the nodes will use: only zones that offer every one of them are chosen. */
  public abstract List<String> instanceTypes();

  /**
   * Your tags, on every part. ekskit adds its own: those under {@code ekskit.dev/}, {@code Name}
   * and {@code kubernetes.io/...} are therefore reserved, and at most 43 fit.
   */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    NetworkSpecRules.check(this);
  }

  /** Builds a {@link NetworkSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableNetworkSpec.Builder {
    Builder() {}
  }
}
