package dev.ekskit.core.internal;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateClusterConfigRequest;
import software.amazon.awssdk.services.eks.model.VpcConfigRequest;

/**
 * Config and version updates, each waited through {@code DescribeUpdate}. A 409 while the cluster
 * is busy with another change is waited out by retrying; each update pins its own request token.
 */
public final class ClusterUpdates {
  private ClusterUpdates() {}

  /** Logging first, then endpoint access: EKS takes one kind of change per request. */
  public static CompletableFuture<ClusterInfo> config(
      OperationContext context, EksClient eks, ClusterConfigUpdate change) {
    String name = context.resource().name();
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
                      context,
                      eks,
                      step,
                      WaitKind.CLUSTER_CONFIG_UPDATE,
                      () ->
                          eks.updateClusterConfig(
                                  request.toBuilder().clientRequestToken(token).build())
                              .update()));
    }
    return chain.thenCompose(done -> describe(context, eks));
  }

  /** One minor version up; already at {@code version} means there is nothing to do. */
  public static CompletableFuture<ClusterInfo> version(
      OperationContext context, EksClient eks, String version) {
    String token = UUID.randomUUID().toString();
    return describe(context, eks)
        .thenCompose(
            current -> {
              if (current.kubernetesVersion().equals(version)) {
                return CompletableFuture.completedFuture(current);
              }
              VersionStep.requireNextMinor(current.kubernetesVersion(), version);
              return apply(
                      context,
                      eks,
                      "update version to " + version,
                      WaitKind.CLUSTER_VERSION_UPDATE,
                      () ->
                          eks.updateClusterVersion(
                                  r ->
                                      r.name(current.name())
                                          .version(version)
                                          .clientRequestToken(token))
                              .update())
                  .thenCompose(done -> describe(context, eks));
            });
  }

  private static CompletableFuture<Update> apply(
      OperationContext context,
      EksClient eks,
      String step,
      WaitKind kind,
      java.util.function.Supplier<Update> call) {
    ResourceRef ref = context.resource();
    return StepRetry.run(context, ref, step, StepRetry.RETRYABLE_OR_BUSY, call)
        .exceptionallyCompose(error -> CompletableFuture.failedFuture(refused(ref, step, error)))
        .thenCompose(
            update ->
                update == null
                    // Some endpoints (the moto emulator among them) return no update: wait for
                    // ACTIVE instead.
                    ? ClusterWaits.active(context, eks, ref, context.engine().policy(kind))
                        .thenApply(c -> update)
                    : ClusterWaits.update(context, eks, ref, update.id(), kind));
  }

  private static CompletableFuture<ClusterInfo> describe(OperationContext context, EksClient eks) {
    ResourceRef ref = context.resource();
    return StepRetry.run(
            context,
            ref,
            "describe",
            StepRetry.RETRYABLE,
            () -> eks.describeCluster(r -> r.name(ref.name())).cluster())
        .thenApply(ClusterMapping::info)
        .exceptionallyCompose(
            error -> CompletableFuture.failedFuture(refused(ref, "describe", error)));
  }

  private static Throwable refused(ResourceRef ref, String step, Throwable error) {
    Throwable cause = Failures.unwrap(error);
    if (cause instanceof dev.ekskit.core.EksKitException) {
      return cause;
    }
    return new AwsCallException(
        ref, step, "the cluster was not changed: " + AwsErrors.describe(cause), cause);
  }
}
