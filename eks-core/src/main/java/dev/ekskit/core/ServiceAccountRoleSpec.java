package dev.ekskit.core;

import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An IAM role for one Kubernetes service account through IRSA: trusted by the cluster's IAM OpenID
 * Connect provider ({@code sts:AssumeRoleWithWebIdentity}) only for tokens whose {@code sub} is
 * {@code system:serviceaccount:NAMESPACE:NAME} and whose {@code aud} is {@code sts.amazonaws.com},
 * tagged with the cluster so that the cluster's delete removes it. Annotate the service account
 * with {@code eks.amazonaws.com/role-arn} set to the role's ARN.
 *
 * <pre>{@code
 * ServiceAccountRoleSpec spec = ServiceAccountRoleSpec.builder()
 *     .clusterName("orders")
 *     .namespace("kube-system")
 *     .serviceAccount("ebs-csi-controller-sa")
 *     .role(r -> r.name("orders-ebs-csi")
 *                 .addManagedPolicyArns(
 *                     "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class ServiceAccountRoleSpec {
  ServiceAccountRoleSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The cluster; it must exist. */
  public abstract String clusterName();

  /** The service account's Kubernetes namespace. */
  public abstract String namespace();

  /** The service account's name. */
  public abstract String serviceAccount();

  /** The role to make. */
  public abstract WorkloadRoleSpec role();

  /** Your tags, on the role. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    IdentityRules.check(this);
  }

  /**
   * Builds a {@link ServiceAccountRoleSpec}; {@code build()} throws {@link InvalidSpecException}.
   */
  public static final class Builder extends ImmutableServiceAccountRoleSpec.Builder {
    Builder() {}

    /** The role to make, built in place. */
    public Builder role(Consumer<WorkloadRoleSpec.Builder> role) {
      WorkloadRoleSpec.Builder builder = WorkloadRoleSpec.builder();
      role.accept(builder);
      role(builder.build());
      return this;
    }
  }
}
