package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterReadiness;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateAddonRequest;

/**
 * Brings an existing add-on to its spec: waits until no create or update runs, compares, and when
 * something differs (version, configuration, identity) updates it, follows the update through
 * {@code DescribeUpdate}, and waits until the add-on settles. A 409 because another change got
 * there first sends it back to waiting. The token is pinned for the whole run, and the comparison
 * is made afresh each time, so a run after a crash finds the update done and makes none.
 */
final class AddonUpdating {
  private final Scope scope;
  private final EksClient eks;
  private final AddonSpec spec;
  private final AddonResolution.Target target;
  private final String token;

  AddonUpdating(
      Scope scope, EksClient eks, AddonSpec spec, AddonResolution.Target target, String token) {
    this.scope = scope;
    this.eks = eks;
    this.spec = spec;
    this.target = target;
    this.token = token;
  }

  CompletableFuture<Addon> run() {
    return whenIdle(Duration.ZERO);
  }

  private CompletableFuture<Addon> whenIdle(Duration firstCheck) {
    return AddonWaits.idle(
            scope,
            eks,
            spec.clusterName(),
            spec.name(),
            scope.policy(WaitKind.ADDON_UPDATE).withFirstCheck(firstCheck))
        .thenCompose(
            existing -> {
              Optional<UpdateAddonRequest> change =
                  AddonMapping.updateRequest(spec, target.version(), existing, token);
              return change.isEmpty() ? settled(Duration.ZERO) : start(change.get());
            });
  }

  private CompletableFuture<Addon> start(UpdateAddonRequest request) {
    return scope
        .call(Steps.UPDATE, () -> Optional.ofNullable(eks.updateAddon(request).update()))
        .handle(
            (update, error) -> {
              if (error == null) {
                return update
                    .map(this::followUpdate)
                    .orElseGet(() -> settled(scope.policy(WaitKind.ADDON_UPDATE).firstCheck()));
              }
              return AwsErrors.is(error, AwsErrors.Kind.IN_USE)
                  ? whenIdle(scope.policy(WaitKind.ADDON_UPDATE).interval())
                  : CompletableFuture.<Addon>failedFuture(AwsErrors.unwrap(error));
            })
        .thenCompose(next -> next);
  }

  private CompletableFuture<Addon> followUpdate(Update started) {
    return scope
        .await(
            Steps.waitUpdate(started.id()),
            WaitKind.ADDON_UPDATE,
            () ->
                ClusterReadiness.toSuccessful(
                    scope.resource(),
                    eks.describeUpdate(
                            r ->
                                r.name(spec.clusterName())
                                    .addonName(spec.name())
                                    .updateId(started.id()))
                        .update()))
        .thenCompose(done -> settled(Duration.ZERO));
  }

  private CompletableFuture<Addon> settled(Duration firstCheck) {
    return AddonWaits.settled(
        scope,
        eks,
        spec.clusterName(),
        spec.name(),
        target.namespace(),
        scope.policy(WaitKind.ADDON_UPDATE).withFirstCheck(firstCheck));
  }
}
