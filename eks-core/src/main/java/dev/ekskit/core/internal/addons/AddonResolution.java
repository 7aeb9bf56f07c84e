package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Steps;
import dev.ekskit.core.Violation;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterReadiness;
import dev.ekskit.core.spi.Scope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * What an add-on spec means on its cluster, found before any mutating call: the cluster is ACTIVE
 * (waited for when it is not), the version resolved for its Kubernetes version, and the
 * configuration values checked against that version's schema. Bad input ends here with an {@link
 * InvalidSpecException}.
 */
final class AddonResolution {
  /** The add-on version to run and the namespace its pods run in. */
  record Target(String version, String namespace) {}

  private AddonResolution() {}

  static CompletableFuture<Target> run(Scope scope, EksClient eks, AddonSpec spec) {
    String cluster = spec.clusterName();
    return scope
        .await(
            Steps.waitFor("cluster ACTIVE"),
            WaitKind.RESUME,
            () -> ClusterReadiness.toActive(eks.describeCluster(r -> r.name(cluster)).cluster()))
        .thenCompose(
            active ->
                scope.call(
                    "resolve version",
                    () -> {
                      AddonVersions.Offer offer =
                          AddonVersions.offer(eks, spec.name(), active.version());
                      return new Target(
                          AddonVersions.resolve(offer, spec.version()), offer.namespace());
                    }))
        .thenCompose(
            target ->
                spec.configurationValues().isEmpty()
                    ? CompletableFuture.completedFuture(target)
                    : scope.call(
                        Steps.check("configuration"),
                        () -> {
                          requireFits(eks, spec, target.version());
                          return target;
                        }));
  }

  private static void requireFits(EksClient eks, AddonSpec spec, String version) {
    String schema =
        eks.describeAddonConfiguration(r -> r.addonName(spec.name()).addonVersion(version))
            .configurationSchema();
    List<Violation> violations =
        schema == null || schema.isBlank()
            ? List.of(
                new Violation(
                    ConfigurationSchema.FIELD,
                    "not-configurable",
                    spec.name() + " " + version + " takes no configuration values"))
            : ConfigurationSchema.violations(schema, spec.configurationValues().orElseThrow());
    if (!violations.isEmpty()) {
      throw new InvalidSpecException("AddonSpec", violations);
    }
  }
}
