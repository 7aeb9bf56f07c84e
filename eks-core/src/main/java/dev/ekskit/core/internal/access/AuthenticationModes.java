package dev.ekskit.core.internal.access;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Steps;
import dev.ekskit.core.Violation;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterMapping;
import dev.ekskit.core.internal.ClusterUpdates;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Update;

/**
 * A cluster's authentication mode, which EKS changes one way only: {@code CONFIG_MAP}, then {@code
 * API_AND_CONFIG_MAP}, then {@code API}, one step per {@code UpdateClusterConfig}, each waited
 * through {@code DescribeUpdate}. A change backwards is refused with the reason before any change;
 * each step looks at the mode again once the cluster is idle, so a run after a crash skips what is
 * done.
 */
public final class AuthenticationModes {
  static final List<AuthenticationMode> ROAD =
      List.of(
          AuthenticationMode.CONFIG_MAP,
          AuthenticationMode.API_AND_CONFIG_MAP,
          AuthenticationMode.API);

  private AuthenticationModes() {}

  /** Refuses, before any call, a target EKS never moves a cluster to. */
  public static void requireReachable(AuthenticationMode target) {
    if (target == null || target == AuthenticationMode.UNKNOWN_TO_SDK_VERSION) {
      throw refusal("must be API_AND_CONFIG_MAP or API");
    }
    if (target == AuthenticationMode.CONFIG_MAP) {
      throw refusal(
          "EKS never moves a cluster back to CONFIG_MAP: the change is one way, CONFIG_MAP →"
              + " API_AND_CONFIG_MAP → API; CONFIG_MAP can only be chosen when the cluster is"
              + " created");
    }
  }

  /** Whether EKS moves {@code cluster} to {@code target}: the same mode or one further on. */
  public static boolean isForward(Cluster cluster, AuthenticationMode target) {
    return ROAD.indexOf(target) >= ROAD.indexOf(mode(cluster));
  }

  /** Runs in the cluster's scope: describe, refuse backwards, then each step forward. */
  public static CompletableFuture<ClusterInfo> change(
      Scope scope, EksClient eks, AuthenticationMode target) {
    String name = scope.resource().name();
    return scope
        .call(Steps.DESCRIBE, () -> describe(eks, name))
        .thenCompose(
            cluster -> {
              AuthenticationMode current = mode(cluster);
              if (ROAD.indexOf(target) < ROAD.indexOf(current)) {
                throw refusal(
                    "cluster "
                        + name
                        + " is at "
                        + current
                        + " and EKS changes the authentication mode one way only, CONFIG_MAP →"
                        + " API_AND_CONFIG_MAP → API: it cannot go back to "
                        + target);
              }
              List<AuthenticationMode> steps =
                  ROAD.subList(ROAD.indexOf(current) + 1, ROAD.indexOf(target) + 1);
              return scope.sequence(steps, step -> stepTo(scope, eks, step));
            })
        .thenCompose(
            done -> scope.call(Steps.DESCRIBE, () -> ClusterMapping.info(describe(eks, name))));
  }

  private static CompletableFuture<Update> stepTo(
      Scope scope, EksClient eks, AuthenticationMode step) {
    String name = scope.resource().name();
    String token = UUID.randomUUID().toString();
    return ClusterUpdates.apply(
        scope,
        eks,
        "update authentication mode to " + step,
        WaitKind.CLUSTER_CONFIG_UPDATE,
        () ->
            ROAD.indexOf(mode(describe(eks, name))) >= ROAD.indexOf(step)
                ? null
                : eks.updateClusterConfig(
                        r ->
                            r.name(name)
                                .accessConfig(a -> a.authenticationMode(step))
                                .clientRequestToken(token))
                    .update());
  }

  private static Cluster describe(EksClient eks, String name) {
    return eks.describeCluster(r -> r.name(name)).cluster();
  }

  /** A cluster that says nothing of its access config authenticates the old way. */
  private static AuthenticationMode mode(Cluster cluster) {
    return cluster.accessConfig() == null || cluster.accessConfig().authenticationMode() == null
        ? AuthenticationMode.CONFIG_MAP
        : cluster.accessConfig().authenticationMode();
  }

  private static InvalidSpecException refusal(String message) {
    return new InvalidSpecException(
        "AuthenticationModeUpdate",
        List.of(new Violation("authenticationMode", "one-way", message)));
  }
}
