package dev.ekskit.fargate;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.fargate.internal.FargateOnlyRules;
import dev.ekskit.fargate.internal.FargateSpecRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>As a part of a {@link dev.ekskit.core.ClusterBlueprint} a profile may leave out its role and
 * subnets: it runs in the private subnets of the network the blueprint makes, with a pod execution
 * role the blueprint makes for the cluster ({@code <cluster>-fargate-pods}, shared by every profile
 * that names none).
 *
 * <pre>{@code
 * ClusterBlueprint.builder()
 *     .cluster(cluster)
 *     .network(NetworkSpec.builder().name("orders").build())      // NAT gateways: SINGLE
 *     .addParts(FargateProfileSpec.builder().clusterName("orders").name("batch")
 *                   .addSelectors(FargateSelector.of("batch")).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class FargateProfileSpec implements BlueprintPart {
  FargateProfileSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The cluster the profile belongs to. */
  @Override
  public abstract String clusterName();

  /** 1–100 letters, digits, {@code -} and {@code _}; the prefix {@code eks-} is reserved by AWS. */
  public abstract String name();

  /**
   * The role Fargate's pods run with; its path must be {@code /}. Required by {@link
   * FargateProfiles}; in a blueprint, leave it out to have one made for the cluster.
   */
  public abstract Optional<String> podExecutionRoleArn();

  /**
   * Private subnets (no route to an internet gateway) of the cluster's VPC, at most 16. Required by
   * {@link FargateProfiles}; in a blueprint that makes the network, leave them out: its private
   * subnets are used.
   */
  public abstract List<String> subnetIds();

  /** One to five selectors; a pod matching any of them runs on Fargate. */
  public abstract List<FargateSelector> selectors();

  /** Your tags. ekskit adds its own under {@code ekskit.dev/}, which is therefore reserved. */
  public abstract Map<String, String> tags();

  /** The profile's {@link #name()}. */
  @Override
  public String partName() {
    return name();
  }

  /**
   * Whether CoreDNS can run on the profile: a selector takes namespace {@code kube-system} (a
   * pattern matching it counts) with no labels or with CoreDNS's {@code k8s-app=kube-dns}.
   */
  @Override
  public boolean hostsLinuxSystemPods() {
    return selectors().stream().anyMatch(FargateOnlyRules::selectsCoreDns);
  }

  /**
   * Within a blueprint that makes the network, the subnets are left out and the network has NAT
   * gateways (pods in private subnets reach image registries through them); within one that makes
   * none, the subnets are named.
   */
  @Override
  public List<Violation> violationsWithin(BlueprintFacts blueprint) {
    return FargateSpecRules.within(this, blueprint);
  }

  @Value.Check
  void check() {
    FargateSpecRules.check(this);
  }

  /** Builds a {@link FargateProfileSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableFargateProfileSpec.Builder {
    Builder() {}
  }
}
