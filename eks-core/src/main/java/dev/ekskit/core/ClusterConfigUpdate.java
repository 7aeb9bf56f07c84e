package dev.ekskit.core;

import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import software.amazon.awssdk.services.eks.model.LogType;

/**
 * A change to a running cluster's logging or API endpoint access. Unset fields stay as they are.
 * EKS applies logging and endpoint changes as separate updates; ekskit runs them one after the
 * other and waits for each.
 *
 * <pre>{@code
 * kit.clusters().updateConfig("orders", ClusterConfigUpdate.builder()
 *     .enabledLogTypes(Set.of(LogType.API, LogType.AUDIT))
 *     .endpointPublicAccess(false).endpointPrivateAccess(true)
 *     .build()).join();
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class ClusterConfigUpdate {
  ClusterConfigUpdate() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Exactly the control-plane log types to enable; every other type is disabled. */
  public abstract Optional<Set<LogType>> enabledLogTypes();

  public abstract Optional<Boolean> endpointPublicAccess();

  public abstract Optional<Boolean> endpointPrivateAccess();

  public abstract Optional<List<String>> publicAccessCidrs();

  /** Whether this changes endpoint access (a VPC config update). */
  public boolean changesEndpointAccess() {
    return endpointPublicAccess().isPresent()
        || endpointPrivateAccess().isPresent()
        || publicAccessCidrs().isPresent();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("ClusterConfigUpdate");
    if (enabledLogTypes().isEmpty() && !changesEndpointAccess()) {
      v.add(
          "enabledLogTypes",
          "not-empty",
          "the update changes nothing: set logging or endpoint access");
    }
    if (endpointPublicAccess().equals(Optional.of(false))
        && endpointPrivateAccess().equals(Optional.of(false))) {
      v.add(
          "endpointPublicAccess",
          "endpoint-access",
          "public and private access cannot both be off");
    }
    publicAccessCidrs().ifPresent(cidrs -> v.ipv4Cidrs("publicAccessCidrs", cidrs));
    v.throwIfAny();
  }

  /** Builds a {@link ClusterConfigUpdate}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableClusterConfigUpdate.Builder {
    Builder() {}
  }
}
