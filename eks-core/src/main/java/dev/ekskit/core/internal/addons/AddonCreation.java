package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;

/**
 * Resolve and check, create-or-adopt with a pinned token, then wait until the add-on settles. What
 * "it is there" means depends on the caller: compare it with the spec (adopt or {@link
 * dev.ekskit.core.ConflictException}), adopt it whatever it is (the add-ons a cluster is
 * bootstrapped with, which their owner may have changed since), or update it to the spec.
 */
public final class AddonCreation {
  /** What an existing add-on of the same name means. */
  public enum IfExists {
    /** Adopt it when it matches the spec, else fail with the differences. */
    COMPARE,
    /** Adopt it as it is. */
    ADOPT,
    /** Update it to the spec. */
    UPDATE
  }

  private AddonCreation() {}

  /** Runs in the add-on's own scope, whose resource is {@code addon <cluster>/<name>}. */
  public static CompletableFuture<AddonInfo> run(
      Scope scope, EksClient eks, AddonSpec spec, IfExists ifExists) {
    String token = UUID.randomUUID().toString();
    return AddonResolution.run(scope, eks, spec)
        .thenCompose(
            target ->
                createOrAdopt(scope, eks, spec, target, token, ifExists)
                    .run(scope)
                    .thenCompose(
                        made -> afterCreate(scope, eks, spec, target, token, ifExists, made)))
        .thenApply(AddonMapping::info);
  }

  /** Brings an existing add-on to the spec: see {@link AddonUpdating}. */
  public static CompletableFuture<AddonInfo> update(Scope scope, EksClient eks, AddonSpec spec) {
    String token = UUID.randomUUID().toString();
    return AddonResolution.run(scope, eks, spec)
        .thenCompose(target -> new AddonUpdating(scope, eks, spec, target, token).run())
        .thenApply(AddonMapping::info);
  }

  private static CreateOrAdopt<Addon> createOrAdopt(
      Scope scope,
      EksClient eks,
      AddonSpec spec,
      AddonResolution.Target target,
      String token,
      IfExists ifExists) {
    return CreateOrAdopt.<Addon>builder(scope.resource())
        .what("the add-on")
        .cleanup(deleteCall(spec))
        // Looked for first: an add-on that is there (EKS's own, another tool's) needs no create.
        .find(() -> AddonReads.describe(eks, spec.clusterName(), spec.name()).isPresent())
        .create(
            () ->
                eks.createAddon(AddonMapping.createRequest(spec, target.version(), token)).addon())
        .describe(() -> AddonWaits.describe(eks, spec.clusterName(), spec.name()))
        .differences(
            existing ->
                ifExists == IfExists.COMPARE
                    ? AddonMapping.differences(spec, target.version(), existing)
                    : List.of())
        .unusable(existing -> unusable(spec, existing))
        .status(Addon::statusAsString)
        .build();
  }

  private static CompletableFuture<Addon> afterCreate(
      Scope scope,
      EksClient eks,
      AddonSpec spec,
      AddonResolution.Target target,
      String token,
      IfExists ifExists,
      CreateOrAdopt.Outcome<Addon> made) {
    if (made.adopted() && ifExists == IfExists.UPDATE) {
      return new AddonUpdating(scope, eks, spec, target, token).run();
    }
    PollingPolicy fresh = scope.policy(WaitKind.ADDON_CREATE);
    return AddonWaits.settled(
        scope,
        eks,
        spec.clusterName(),
        spec.name(),
        target.namespace(),
        made.adopted() ? fresh.withFirstCheck(Duration.ZERO) : fresh);
  }

  private static Optional<EksKitException> unusable(AddonSpec spec, Addon existing) {
    String status = existing.statusAsString();
    if (!List.of("CREATE_FAILED", "DELETING", "DELETE_FAILED").contains(status)) {
      return Optional.empty();
    }
    return Optional.of(
        new ResourceFailedException(
            ResourceRef.child("addon", spec.clusterName(), spec.name()),
            status,
            AddonMapping.healthIssues(existing),
            "an add-on of this name exists but cannot become ACTIVE",
            deleteCall(spec) + ", then create it again"));
  }

  static String deleteCall(AddonSpec spec) {
    return "remove it with kit.addons().delete(\""
        + spec.clusterName()
        + "\", \""
        + spec.name()
        + "\")";
  }
}
