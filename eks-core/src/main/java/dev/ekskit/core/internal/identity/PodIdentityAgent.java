package dev.ekskit.core.internal.identity;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Hints;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonVersionInfo;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * The {@code eks-pod-identity-agent} add-on that Pod Identity needs on the nodes: made with EKS's
 * default version for the cluster's Kubernetes version when missing, then waited for. An Auto Mode
 * cluster has the agent built in, so nothing is made there. The add-on goes with the cluster. One
 * small step on purpose: the general add-on lifecycle lives elsewhere.
 */
final class PodIdentityAgent {
  static final String NAME = "eks-pod-identity-agent";

  /** Add-on create: one to two and a half minutes. */
  static final WaitKind ADDON_CREATE =
      new WaitKind(
          "addon-create",
          new PollingPolicy(
              Duration.ofSeconds(45),
              Duration.ofSeconds(10),
              0.2,
              Duration.ofMinutes(1),
              Duration.ofMinutes(20),
              Duration.ofSeconds(84)));

  /**
   * ACTIVE is done; DEGRADED is too, for the association does not need the agent's pods to run
   * (they start when nodes come).
   */
  private static final Set<String> READY = Set.of("ACTIVE", "DEGRADED");

  private static final Set<String> STUCK = Set.of("CREATE_FAILED", "DELETING", "DELETE_FAILED");

  private PodIdentityAgent() {}

  /** Completes when the agent is there (or built in). */
  static CompletableFuture<Void> ensure(Scope parent, EksClient eks, Cluster cluster) {
    if (cluster.computeConfig() != null && Boolean.TRUE.equals(cluster.computeConfig().enabled())) {
      return CompletableFuture.completedFuture(null);
    }
    Scope scope = parent.child(ResourceRef.child("addon", cluster.name(), NAME));
    return scope
        .call("find add-on", () -> find(eks, cluster.name()).isPresent())
        .thenCompose(
            found ->
                found
                    ? wait(scope, eks, cluster.name(), WaitKind.RESUME)
                    : create(scope, eks, cluster))
        .thenApply(addon -> null);
  }

  private static CompletableFuture<Addon> create(Scope scope, EksClient eks, Cluster cluster) {
    String token = UUID.randomUUID().toString();
    return scope
        .call("resolve version", () -> defaultVersion(eks, cluster.version()))
        .thenCompose(
            version ->
                CreateOrAdopt.<Addon>builder(scope.resource())
                    .what("the " + NAME + " add-on")
                    .cleanup("it goes with the cluster")
                    .create(
                        () ->
                            eks.createAddon(
                                    r ->
                                        r.clusterName(cluster.name())
                                            .addonName(NAME)
                                            .addonVersion(version.orElse(null))
                                            .clientRequestToken(token))
                                .addon())
                    .describe(() -> find(eks, cluster.name()).orElseThrow())
                    .status(Addon::statusAsString)
                    .build()
                    .run(scope))
        .thenCompose(
            made ->
                wait(scope, eks, cluster.name(), made.adopted() ? WaitKind.RESUME : ADDON_CREATE));
  }

  private static CompletableFuture<Addon> wait(
      Scope scope, EksClient eks, String cluster, WaitKind kind) {
    return scope.await(
        "wait ACTIVE", kind, () -> readiness(scope.resource(), find(eks, cluster).orElse(null)));
  }

  private static Readiness<Addon> readiness(ResourceRef ref, Addon addon) {
    if (addon == null) {
      return Readiness.pending("NOT_FOUND");
    }
    String status = addon.statusAsString();
    if (READY.contains(status)) {
      return Readiness.ready(status, addon);
    }
    if (!STUCK.contains(status)) {
      return Readiness.pending(status);
    }
    List<HealthIssue> issues =
        addon.health() == null
            ? List.of()
            : HealthIssues.of(
                addon.health().issues(),
                AddonIssue::codeAsString,
                AddonIssue::message,
                AddonIssue::resourceIds);
    EksKitException failed =
        new ResourceFailedException(
            ref,
            status,
            issues,
            Hints.forIssues(issues),
            "fix the issues above, delete the add-on, and associate again");
    return Readiness.failed(status, failed);
  }

  /** EKS's default version of the agent for {@code kubernetesVersion}; empty lets EKS choose. */
  private static Optional<String> defaultVersion(EksClient eks, String kubernetesVersion) {
    return eks
        .describeAddonVersionsPaginator(r -> r.addonName(NAME).kubernetesVersion(kubernetesVersion))
        .addons()
        .stream()
        .flatMap(addon -> addon.addonVersions().stream())
        .filter(
            v ->
                v.compatibilities().stream().anyMatch(c -> Boolean.TRUE.equals(c.defaultVersion())))
        .map(AddonVersionInfo::addonVersion)
        .findFirst();
  }

  private static Optional<Addon> find(EksClient eks, String cluster) {
    return AwsErrors.absentAsEmpty(
        () -> Optional.of(eks.describeAddon(r -> r.clusterName(cluster).addonName(NAME)).addon()));
  }
}
