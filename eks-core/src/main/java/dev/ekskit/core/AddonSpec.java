package dev.ekskit.core;

import dev.ekskit.core.internal.addons.AddonSpecRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import software.amazon.awssdk.services.eks.model.ResolveConflicts;

/**
 * What an EKS add-on of a cluster should be: any add-on {@code DescribeAddonVersions} offers
 * (vpc-cni, kube-proxy, coredns, eks-pod-identity-agent, aws-ebs-csi-driver, metrics-server, ...),
 * its version, configuration and identity. {@code build()} checks every rule that needs no AWS call
 * (names, JSON well-formed, ARNs) and reports all violations at once; {@link Addons} then resolves
 * the version for the cluster's Kubernetes version and checks the configuration against the
 * add-on's own JSON schema before its first mutating call.
 *
 * <pre>{@code
 * AddonSpec ebs = AddonSpec.builder()
 *     .clusterName("orders")
 *     .name("aws-ebs-csi-driver")
 *     .version(AddonVersion.latest())
 *     .configurationValues("{\"controller\":{\"replicaCount\":3}}")
 *     .addPodIdentityAssociations(new AddonPodIdentity("ebs-csi-controller-sa",
 *         "arn:aws:iam::123456789012:role/ebs-csi"))
 *     .build();
 * }</pre>
 *
 * <p>Configuration values may hold secrets: ekskit never writes them to a message, an event or a
 * log, and {@code toString()} leaves them out.
 */
@Value.Immutable
@SpecStyle
public abstract class AddonSpec {
  AddonSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The cluster the add-on belongs to. */
  public abstract String clusterName();

  /** The add-on as EKS names it, e.g. {@code coredns}. */
  public abstract String name();

  /** EKS's default for the cluster's Kubernetes version unless set. */
  @Value.Default
  public AddonVersion version() {
    return AddonVersion.defaultVersion();
  }

  /**
   * A JSON object that the add-on version's configuration schema accepts; EKS's defaults when
   * absent.
   */
  @Value.Redacted
  public abstract Optional<String> configurationValues();

  /**
   * An IAM role for the add-on's service account through IRSA; the node role's permissions when
   * absent.
   */
  public abstract Optional<String> serviceAccountRoleArn();

  /** Pod Identity associations EKS makes for the add-on's service accounts. */
  public abstract List<AddonPodIdentity> podIdentityAssociations();

  /**
   * What EKS does with fields of a self-managed install that differ from its defaults when the
   * add-on is created: {@code OVERWRITE} by default, so that the managed add-on takes over.
   */
  @Value.Default
  public ResolveConflicts resolveConflictsOnCreate() {
    return ResolveConflicts.OVERWRITE;
  }

  /**
   * What EKS does with fields changed on the cluster since the last install when the add-on is
   * updated: {@code PRESERVE} by default, so that an update keeps your own edits.
   */
  @Value.Default
  public ResolveConflicts resolveConflictsOnUpdate() {
    return ResolveConflicts.PRESERVE;
  }

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    AddonSpecRules.check(this);
  }

  /** Builds an {@link AddonSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableAddonSpec.Builder {
    Builder() {}
  }
}
