package dev.ekskit.fargate;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.fargate.internal.FargateSpecRules;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What a Fargate profile should be. Immutable; {@code build()} checks every rule that needs no AWS
 * call and reports all violations at once in an {@link InvalidSpecException}. That the subnets
 * exist and are private (no route to an internet gateway) is checked by {@link
 * FargateProfiles#create(FargateProfileSpec)} before its first mutating call.
 *
 * <pre>{@code
 * FargateProfileSpec spec = FargateProfileSpec.builder()
 *     .clusterName("orders")
 *     .name("system")
 *     .podExecutionRoleArn("arn:aws:iam::123456789012:role/orders-fargate-pods")
 *     .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788")
 *     .addSelectors(FargateSelector.of("kube-system"))
 *     .putTags("team", "payments")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class FargateProfileSpec {
  FargateProfileSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The cluster the profile belongs to. */
  public abstract String clusterName();

  /** 1–100 letters, digits, {@code -} and {@code _}; the prefix {@code eks-} is reserved by AWS. */
  public abstract String name();

  /** The role Fargate's pods run with; its path must be {@code /}. */
  public abstract String podExecutionRoleArn();

  /** Private subnets (no route to an internet gateway) of the cluster's VPC; at least one. */
  public abstract List<String> subnetIds();

  /** One to five selectors; a pod matching any of them runs on Fargate. */
  public abstract List<FargateSelector> selectors();

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    FargateSpecRules.check(this);
  }

  /** Builds a {@link FargateProfileSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableFargateProfileSpec.Builder {
    Builder() {}
  }
}
