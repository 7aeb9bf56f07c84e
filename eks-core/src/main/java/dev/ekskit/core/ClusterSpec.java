package dev.ekskit.core;

import dev.ekskit.core.internal.ClusterSpecRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.IpFamily;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.SupportType;

/**
 * What an EKS cluster should be. Immutable; {@link #builder()} checks every rule that needs no AWS
 * call at {@code build()} and reports all violations at once in an {@link InvalidSpecException}.
 * Rules that need the account (the subnets exist and span two Availability Zones) are checked by
 * {@link Clusters#create(ClusterSpec)} before its first mutating call.
 *
 * <pre>{@code
 * ClusterSpec spec = ClusterSpec.builder()
 *     .name("orders")
 *     .kubernetesVersion("1.33")
 *     .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
 *     .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
 *     .endpointPrivateAccess(true)
 *     .addLogTypes(LogType.API, LogType.AUDIT)
 *     .putTags("team", "payments")
 *     .build();
 * }</pre>
 *
 * <p>Defaults follow EKS's own, with authentication by access entries ({@code API_AND_CONFIG_MAP})
 * and the creator as bootstrap administrator. For a private API endpoint set {@code
 * endpointPublicAccess(false).endpointPrivateAccess(true)}; for envelope encryption of Kubernetes
 * secrets set {@link #secretsKmsKeyArn()}.
 */
@Value.Immutable
@SpecStyle
public abstract class ClusterSpec {
  ClusterSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * 1–100 characters: letters, digits, {@code -} and {@code _}, starting with a letter or digit.
   */
  public abstract String name();

  /** {@code major.minor}, e.g. {@code "1.33"}; EKS's default version when absent. */
  public abstract Optional<String> kubernetesVersion();

  /**
   * The IAM role EKS assumes to manage the cluster. Required to create a cluster on its own; a
   * {@link ClusterBlueprint} that makes the role fills it in.
   */
  public abstract Optional<String> roleArn();

  /**
   * At least two subnets, in at least two Availability Zones. Required to create a cluster on its
   * own; a {@link ClusterBlueprint} that makes the network fills them in.
   */
  public abstract List<String> subnetIds();

  /** Up to five extra security groups for the control-plane network interfaces. */
  public abstract List<String> securityGroupIds();

  @Value.Default
  public boolean endpointPublicAccess() {
    return true;
  }

  @Value.Default
  public boolean endpointPrivateAccess() {
    return false;
  }

  /** Who may reach a public endpoint; EKS allows everyone ({@code 0.0.0.0/0}) when empty. */
  public abstract List<String> publicAccessCidrs();

  /** Control-plane log types sent to CloudWatch Logs. */
  public abstract Set<LogType> logTypes();

  /** A KMS key (or alias) ARN to encrypt Kubernetes secrets with. */
  public abstract Optional<String> secretsKmsKeyArn();

  /** The Kubernetes service range; a private block from /12 to /24. EKS picks one when absent. */
  public abstract Optional<String> serviceIpv4Cidr();

  @Value.Default
  public IpFamily ipFamily() {
    return IpFamily.IPV4;
  }

  @Value.Default
  public AuthenticationMode authenticationMode() {
    return AuthenticationMode.API_AND_CONFIG_MAP;
  }

  /** Whether the identity that creates the cluster gets cluster-admin through an access entry. */
  @Value.Default
  public boolean bootstrapClusterCreatorAdminPermissions() {
    return true;
  }

  /**
   * EKS Auto Mode: AWS runs the nodes, block storage and load balancing. Off when absent. See
   * {@link AutoMode} for what the cluster and node roles need.
   */
  public abstract Optional<AutoMode> autoMode();

  /**
   * Whether EKS installs vpc-cni, kube-proxy and coredns itself, unmanaged, as it does by default.
   * With false, ekskit creates them as EKS-managed add-ons once the cluster is ACTIVE (as eksctl
   * does), at EKS's default versions; manage them later through {@link EksKit#addons()}. False, and
   * no add-on at all, with Auto Mode, which runs them itself; true by default otherwise.
   */
  @Value.Default
  public boolean bootstrapSelfManagedAddons() {
    return autoMode().isEmpty();
  }

  /** {@code STANDARD} or {@code EXTENDED} support; EKS's default when absent. */
  public abstract Optional<SupportType> supportType();

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    ClusterSpecRules.check(this);
  }

  /** Builds a {@link ClusterSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableClusterSpec.Builder {
    Builder() {}
  }
}
