package dev.ekskit.core.internal.addons;

import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.SharedDescribe;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;

/** The waits on an add-on: until it settles ({@link AddonReadiness}), or until it is idle. */
final class AddonWaits {
  private AddonWaits() {}

  /** Until ACTIVE, or DEGRADED with nowhere to run yet; failures as {@link AddonReadiness} says. */
  static CompletableFuture<Addon> settled(
      Scope scope,
      EksClient eks,
      String cluster,
      String name,
      String namespace,
      PollingPolicy policy) {
    AddonReadiness readiness =
        new AddonReadiness(
            scope.resource(), scope::now, () -> ClusterCapacity.present(eks, cluster, namespace));
    SharedDescribe<Addon> describe =
        SharedDescribe.of(
            "eks", "addon/" + cluster + "/" + name, () -> describe(eks, cluster, name));
    return scope.await(Steps.WAIT_ACTIVE, policy, describe, readiness::check);
  }

  /** Until no create or update runs, so that an update may start; a failed create ends it. */
  static CompletableFuture<Addon> idle(
      Scope scope, EksClient eks, String cluster, String name, PollingPolicy policy) {
    return scope.await(
        Steps.WAIT_IDLE,
        policy,
        () -> {
          Addon addon = describe(eks, cluster, name);
          String status = addon.statusAsString();
          return switch (status) {
            case "CREATING", "UPDATING" -> Readiness.pending(status);
            case "CREATE_FAILED", "DELETING", "DELETE_FAILED" ->
                Readiness.failed(
                    status,
                    new ResourceFailedException(
                        scope.resource(),
                        status,
                        AddonMapping.healthIssues(addon),
                        "an add-on in this state cannot be updated",
                        "remove it with kit.addons().delete(\""
                            + cluster
                            + "\", \""
                            + name
                            + "\"), then create it again"));
            default -> Readiness.ready(status, addon);
          };
        });
  }

  static Addon describe(EksClient eks, String cluster, String name) {
    return eks.describeAddon(r -> r.clusterName(cluster).addonName(name)).addon();
  }
}
