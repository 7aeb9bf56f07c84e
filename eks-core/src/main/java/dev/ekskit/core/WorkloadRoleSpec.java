package dev.ekskit.core;

import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.spi.SpecStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An IAM role ekskit makes for pods, through a Pod Identity association ({@link
 * PodIdentityAssociationSpec}) or IRSA ({@link ServiceAccountRoleSpec}): its name and path, and
 * what it may do, which you give: managed policies, an inline policy, or both. ekskit writes its
 * trust policy.
 *
 * <pre>{@code
 * WorkloadRoleSpec role = WorkloadRoleSpec.builder()
 *     .name("orders-s3-reader")
 *     .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
 *     .inlinePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[...]}")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class WorkloadRoleSpec {
  WorkloadRoleSpec() {}

  public static Builder builder() {
    return new Builder();
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

  /** Managed policies to attach, AWS's or your account's, by ARN; at most 20. */
  public abstract List<String> managedPolicyArns();

  /** An inline policy document (JSON) to put on the role as {@code ekskit-inline}. */
  public abstract Optional<String> inlinePolicy();

  @Value.Check
  void check() {
    IdentityRules.check(this);
  }

  /** Builds a {@link WorkloadRoleSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableWorkloadRoleSpec.Builder {
    Builder() {}
  }
}
