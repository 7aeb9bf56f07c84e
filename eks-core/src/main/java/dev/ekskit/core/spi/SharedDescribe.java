package dev.ekskit.core.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A describe call that waits on the same resource may share: while several waits look at one
 * cluster (its create, an update, a node group's create that checks it), the kit makes one call per
 * round of checks for all of them. The key names what is described, the same way in every wait that
 * describes it; the service names whose pace of checks it counts against.
 *
 * <pre>{@code
 * SharedDescribe<Cluster> cluster =
 *     SharedDescribe.of("eks", "cluster/" + name,
 *         () -> eks.describeCluster(r -> r.name(name)).cluster());
 * scope.await(Steps.WAIT_ACTIVE, WaitKind.CLUSTER_CREATE, cluster, ClusterReadiness::toActive);
 * }</pre>
 *
 * @param service the AWS service, e.g. {@code "eks"}: checks are paced per service
 * @param key what is described, e.g. {@code "cluster/orders"}
 * @param call the blocking describe; it maps "not found" itself where that is an answer (as {@code
 *     Optional.empty()}, say); an exception it throws reaches every wait sharing it
 */
public record SharedDescribe<R>(String service, String key, Supplier<R> call) {
  public SharedDescribe {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(call, "call");
  }

  public static <R> SharedDescribe<R> of(String service, String key, Supplier<R> call) {
    return new SharedDescribe<>(service, key, call);
  }
}
