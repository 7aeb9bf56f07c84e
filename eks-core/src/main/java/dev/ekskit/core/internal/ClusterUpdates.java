package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateClusterConfigRequest;
import software.amazon.awssdk.services.eks.model.VpcConfigRequest;

/**
 * Config and version updates, each waited through {@code DescribeUpdate}. Each first waits until
 * the cluster is idle (ACTIVE): another update may take 25 minutes, which polling waits out and a
 * retry budget would not. A 409 because another change got there first sends it back to waiting;
 * each update pins its own token.
 */
public final class ClusterUpdates {
  private ClusterUpdates() {}

  /** Logging first, then endpoint access: EKS takes one kind of change per request. */
  public static CompletableFuture<ClusterInfo> config(
      Scope scope, EksClient eks, ClusterConfigUpdate change) {
    String name = scope.resource().name();
    List<UpdateClusterConfigRequest> requests = new ArrayList<>();
    change
        .enabledLogTypes()
        .ifPresent(
            types ->
                requests.add(
                    UpdateClusterConfigRequest.builder()
                        .name(name)
                        .logging(ClusterMapping.logging(types))
                        .build()));
    if (change.changesEndpointAccess()) {
      VpcConfigRequest.Builder vpc = VpcConfigRequest.builder();
      change.endpointPublicAccess().ifPresent(vpc::endpointPublicAccess);
      change.endpointPrivateAccess().ifPresent(vpc::endpointPrivateAccess);
      change.publicAccessCidrs().ifPresent(vpc::publicAccessCidrs);
      requests.add(
          UpdateClusterConfigRequest.builder().name(name).resourcesVpcConfig(vpc.build()).build());
    }
    CompletableFuture<Update> chain = CompletableFuture.completedFuture(null);
    for (UpdateClusterConfigRequest request : requests) {
      String token = UUID.randomUUID().toString();
      String step = request.logging() != null ? "update logging" : "update endpoint access";
      chain =
          chain.thenCompose(
              previous ->
                  apply(
                      scope,
                      eks,
                      step,
                      WaitKind.CLUSTER_CONFIG_UPDATE,
                      () ->
                          eks.updateClusterConfig(
                                  request.toBuilder().clientRequestToken(token).build())
                              .update()));
    }
    return chain.thenCompose(done -> describe(scope, eks));
  }

  /** One minor version up; already at {@code version} means there is nothing to do. */
  public static CompletableFuture<ClusterInfo> version(Scope scope, EksClient eks, String version) {
    return versionWhenIdle(scope, eks, version, UUID.randomUUID().toString(), Duration.ZERO);
  }

  /** Idle first, then read: after a crash mid-upgrade the version may already be the target. */
  private static CompletableFuture<ClusterInfo> versionWhenIdle(
      Scope scope, EksClient eks, String version, String token, Duration firstCheck) {
    WaitKind kind = WaitKind.CLUSTER_VERSION_UPDATE;
    return untilIdle(scope, eks, kind, firstCheck)
        .thenCompose(idle -> describe(scope, eks))
        .thenCompose(
            current -> {
              if (current.kubernetesVersion().equals(version)) {
                return CompletableFuture.completedFuture(current);
              }
              VersionStep.requireNextMinor(current.kubernetesVersion(), version);
              Supplier<Update> call =
                  () ->
                      eks.updateClusterVersion(
                              r ->
                                  r.name(current.name()).version(version).clientRequestToken(token))
                          .update();
              return start(scope, "update version to " + version, call)
                  .thenCompose(
                      attempt ->
                          attempt.busy()
                              ? versionWhenIdle(
                                  scope, eks, version, token, scope.policy(kind).interval())
                              : awaitUpdate(scope, eks, attempt.update(), kind)
                                  .thenCompose(done -> describe(scope, eks)));
            });
  }

  /**
   * Waits until the cluster is idle, starts the update, and waits for it; busy means wait again.
   * {@code call} may answer null when, looking again, there is nothing to change.
   */
  public static CompletableFuture<Update> apply(
      Scope scope, EksClient eks, String step, WaitKind kind, Supplier<Update> call) {
    return applyWhenIdle(scope, eks, step, kind, call, Duration.ZERO);
  }

  private static CompletableFuture<Update> applyWhenIdle(
      Scope scope,
      EksClient eks,
      String step,
      WaitKind kind,
      Supplier<Update> call,
      Duration firstCheck) {
    return untilIdle(scope, eks, kind, firstCheck)
        .thenCompose(idle -> start(scope, step, call))
        .thenCompose(
            attempt ->
                attempt.busy()
                    ? applyWhenIdle(scope, eks, step, kind, call, scope.policy(kind).interval())
                    : awaitUpdate(scope, eks, attempt.update(), kind));
  }

  /**
   * An update call's outcome: started (the update, null where the endpoint returns none) or busy.
   */
  private record Attempt(boolean busy, Update update) {}

  /**
   * Another change got there first (409): the caller waits for idle again; the deadline of the
   * operation bounds how long.
   */
  private static CompletableFuture<Attempt> start(Scope scope, String step, Supplier<Update> call) {
    ResourceRef ref = scope.resource();
    return scope
        .call(step, call)
        .thenApply(update -> new Attempt(false, update))
        .exceptionallyCompose(
            error ->
                AwsErrors.is(error, AwsErrors.Kind.IN_USE)
                    ? CompletableFuture.completedFuture(new Attempt(true, null))
                    : CompletableFuture.failedFuture(refused(ref, step, error)));
  }

  private static CompletableFuture<Cluster> untilIdle(
      Scope scope, EksClient eks, WaitKind kind, Duration firstCheck) {
    return ClusterWaits.active(scope, eks, scope.policy(kind).withFirstCheck(firstCheck));
  }

  private static CompletableFuture<Update> awaitUpdate(
      Scope scope, EksClient eks, Update started, WaitKind kind) {
    // Some endpoints (the moto emulator among them) return no update: wait for ACTIVE instead.
    return started == null
        ? ClusterWaits.active(scope, eks, scope.policy(kind)).thenApply(c -> null)
        : ClusterWaits.update(scope, eks, started.id(), kind);
  }

  private static CompletableFuture<ClusterInfo> describe(Scope scope, EksClient eks) {
    ResourceRef ref = scope.resource();
    return scope
        .call(Steps.DESCRIBE, () -> eks.describeCluster(r -> r.name(ref.name())).cluster())
        .thenApply(ClusterMapping::info)
        .exceptionallyCompose(
            error -> CompletableFuture.failedFuture(refused(ref, Steps.DESCRIBE, error)));
  }

  private static Throwable refused(ResourceRef ref, String step, Throwable error) {
    Throwable cause = AwsErrors.unwrap(error);
    if (!(cause instanceof AwsCallException)) {
      return cause;
    }
    return new AwsCallException(
        ref, step, "the cluster was not changed: " + AwsErrors.describe(cause), cause.getCause());
  }
}
