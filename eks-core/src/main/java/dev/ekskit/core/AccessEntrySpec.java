package dev.ekskit.core;

import dev.ekskit.core.internal.access.AccessEntryRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Who may use a cluster's Kubernetes API: an access entry for an IAM role or user (type {@code
 * STANDARD}), with a Kubernetes username and groups for your own RBAC bindings, and EKS access
 * policies at cluster or namespace scope. {@code build()} checks the principal ARN's shape, the
 * names EKS reserves, the namespaces and the policy names, and reports all violations at once.
 *
 * <pre>{@code
 * AccessEntrySpec ops = AccessEntrySpec.builder()
 *     .clusterName("orders")
 *     .principalArn("arn:aws:iam::123456789012:role/ops")
 *     .addKubernetesGroups("ops-readers")
 *     .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"),
 *         AccessPolicyAssociation.namespaces("AmazonEKSEditPolicy", "orders"))
 *     .build();
 * }</pre>
 *
 * <p>The cluster's authentication mode must be {@code API} or {@code API_AND_CONFIG_MAP}: see
 * {@link Access#updateAuthenticationMode}.
 */
@Value.Immutable
@SpecStyle
public abstract class AccessEntrySpec {
  AccessEntrySpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  public abstract String clusterName();

  /** An IAM role or user ARN; not an STS session. */
  public abstract String principalArn();

  /**
   * The Kubernetes username; EKS derives one when absent (for a role, its assumed-role session
   * ARN). It cannot start with {@code system:}, {@code eks:}, {@code aws:}, {@code amazon:} or
   * {@code iam:}.
   */
  public abstract Optional<String> username();

  /** Kubernetes groups, the subjects of your RoleBindings; the same reserved prefixes apply. */
  public abstract List<String> kubernetesGroups();

  /** EKS access policies, at most one association per policy. */
  public abstract List<AccessPolicyAssociation> accessPolicies();

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    AccessEntryRules.check(this);
  }

  /** Builds an {@link AccessEntrySpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableAccessEntrySpec.Builder {
    Builder() {}
  }
}
