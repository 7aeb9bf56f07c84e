package dev.ekskit.core;

import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Which IAM role the pods of one Kubernetes service account get through EKS Pod Identity: a role
 * you have ({@link #roleArn()}), or one ekskit makes ({@link #role()}), trusted by {@code
 * pods.eks.amazonaws.com} ({@code sts:AssumeRole} and {@code sts:TagSession}), tagged with the
 * cluster so that the cluster's delete removes it. Give exactly one of the two.
 *
 * <pre>{@code
 * PodIdentityAssociationSpec spec = PodIdentityAssociationSpec.builder()
 *     .clusterName("orders")
 *     .namespace("shop")
 *     .serviceAccount("checkout")
 *     .role(r -> r.name("orders-checkout")
 *                 .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class PodIdentityAssociationSpec {
  PodIdentityAssociationSpec() {}

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

  /** The service account's name; it need not exist yet. */
  public abstract String serviceAccount();

  /** An existing role to use; ekskit never changes or deletes it. */
  public abstract Optional<String> roleArn();

  /** A role for ekskit to make, and to delete with the association. */
  public abstract Optional<WorkloadRoleSpec> role();

  /** Your tags, on the association and the role ekskit makes. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    IdentityRules.check(this);
  }

  /**
   * Builds a {@link PodIdentityAssociationSpec}; {@code build()} throws {@link
   * InvalidSpecException}.
   */
  public static final class Builder extends ImmutablePodIdentityAssociationSpec.Builder {
    Builder() {}

    /** The role for ekskit to make, built in place. */
    public Builder role(Consumer<WorkloadRoleSpec.Builder> role) {
      WorkloadRoleSpec.Builder builder = WorkloadRoleSpec.builder();
      role.accept(builder);
      role(builder.build());
      return this;
    }
  }
}
