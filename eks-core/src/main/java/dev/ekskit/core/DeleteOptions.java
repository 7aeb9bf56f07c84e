package dev.ekskit.core;

import dev.ekskit.core.internal.Durations;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.core.spi.Violations;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How {@link Blueprints#delete(ClusterBlueprint, DeleteOptions)} and {@link Clusters#delete(String,
 * DeleteOptions)} go about it.
 *
 * <pre>{@code
 * kit.blueprints().delete("orders",
 *     DeleteOptions.builder().deleteLoadBalancers(true).build()).join();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class DeleteOptions {
  DeleteOptions() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: load balancers left by Kubernetes controllers stop the delete. */
  public static DeleteOptions defaults() {
    return builder().build();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Whether load balancers, target groups and security groups that Kubernetes controllers left in
   * the cluster's VPC (tagged {@code elbv2.k8s.aws/cluster} or {@code
   * kubernetes.io/cluster/<name>}) are deleted once the cluster is gone. Off by default: the delete
   * then refuses, deleting nothing, and lists them. Deleting a cluster's Services of type
   * LoadBalancer and its Ingresses first is the better fix, since their controllers then clean up
   * after themselves.
   */
  @Value.Default
  public boolean deleteLoadBalancers() {
    return false;
  }

  /**
   * Whether the IAM roles and OIDC provider ekskit made for the cluster stay, e.g. to create the
   * cluster again with the same roles; off by default, so that nothing ekskit made for the cluster
   * outlives it. Roles and providers ekskit did not make are never deleted either way.
   */
  @Value.Default
  public boolean keepRoles() {
    return false;
  }

  /** How long the whole delete may take; the kit's operation deadline when absent. */
  public abstract Optional<Duration> deadline();

  @Value.Check
  void check() {
    Violations v = new Violations("DeleteOptions");
    deadline()
        .filter(d -> d.isZero() || d.isNegative())
        .ifPresent(
            d -> v.add("deadline", "positive", "must be positive, was " + Durations.text(d)));
    v.throwIfAny();
  }

  /** Builds {@link DeleteOptions}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableDeleteOptions.Builder {
    Builder() {}
  }
}
