package dev.ekskit.fargate;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.fargate.internal.FargateSpecRules;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The pod execution role ekskit creates for a cluster's Fargate profiles: path {@code /}, trusted
 * only by {@code eks-fargate-pods.amazonaws.com} on behalf of this cluster's Fargate profiles (an
 * {@code aws:SourceArn} condition on {@code arn:aws:eks:REGION:ACCOUNT:fargateprofile/CLUSTER/*}),
 * with the AWS managed policy {@code AmazonEKSFargatePodExecutionRolePolicy} (pull images from ECR)
 * and nothing else, tagged.
 *
 * <pre>{@code
 * PodExecutionRoleSpec spec = PodExecutionRoleSpec.builder()
 *     .clusterName("orders")
 *     .roleName("orders-fargate-pods")
 *     .putTags("team", "payments")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class PodExecutionRoleSpec {
  PodExecutionRoleSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, to change some of them. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The role named {@code roleName} for {@code clusterName}'s profiles, untagged but by ekskit. */
  public static PodExecutionRoleSpec of(String clusterName, String roleName) {
    return builder().clusterName(clusterName).roleName(roleName).build();
  }

  /** The cluster whose Fargate profiles may use the role; it must exist. */
  public abstract String clusterName();

  /** 1–64 letters, digits and {@code +=,.@_-}. */
  public abstract String roleName();

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    FargateSpecRules.check(this);
  }

  /** Builds a {@link PodExecutionRoleSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutablePodExecutionRoleSpec.Builder {
    Builder() {}
  }
}
