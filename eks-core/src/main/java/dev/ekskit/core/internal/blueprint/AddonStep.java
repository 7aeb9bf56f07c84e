package dev.ekskit.core.internal.blueprint;

import static dev.ekskit.core.internal.blueprint.Listing.names;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AddonPodIdentity;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.ChildDeletions;
import dev.ekskit.core.internal.addons.AddonCreation;
import dev.ekskit.core.internal.addons.AddonReads;
import dev.ekskit.core.internal.addons.AddonReview;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An add-on of the blueprint: created, or updated to its spec (version, configuration, roles), at
 * the version its spec means on the cluster's Kubernetes version, so that an upgrade takes it to
 * the default version of the new one. The add-ons nodes need to join come before the nodes.
 */
final class AddonStep extends CoreStep<AddonSpec> {
  /** Add-ons nodes need to join and run pods: their pods run on every node, none before. */
  static final Set<String> BEFORE_NODES = Set.of("vpc-cni", "kube-proxy", "eks-pod-identity-agent");

  private static final Set<String> UPDATABLE =
      Set.of("version", "configurationValues", "serviceAccountRoleArn", "podIdentityAssociations");

  private final RoleReferences roles;

  AddonStep(BlueprintRun run) {
    super(run, AddonSpec.class, "add-on");
    this.roles = new RoleReferences(run);
  }

  @Override
  public String name(AddonSpec spec) {
    return spec.name();
  }

  @Override
  public BlueprintStage stage(AddonSpec spec) {
    return BEFORE_NODES.contains(spec.name())
        ? BlueprintStage.ADDONS_BEFORE_NODES
        : BlueprintStage.ADDONS_AFTER_NODES;
  }

  @Override
  public PlannedChange plan(AddonSpec spec, BlueprintContext blueprint) {
    roles.requireUsable(referencedRoles(spec));
    String version = AddonReview.version(run.eks(), spec, run.kubernetesVersion());
    Optional<AddonInfo> found =
        run.cluster().isEmpty()
            ? Optional.empty()
            : AddonReads.describe(run.eks(), run.clusterName(), spec.name());
    if (found.isEmpty()) {
      return PlannedChange.create(kind(), spec.name(), version);
    }
    return PlannedChange.compare(
        kind(),
        spec.name(),
        AddonReview.differences(spec, version, found.get()),
        UPDATABLE,
        version);
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, AddonSpec spec, BlueprintContext blueprint) {
    Scope own = scope.child(ref(spec.name()));
    // Run even when nothing differs: an add-on a stopped run left CREATING is waited for.
    return compareThen(
        own,
        spec,
        true,
        change ->
            AddonCreation.run(
                own,
                run.eks(),
                spec.toBuilder().tags(run.tags(spec.tags())).build(),
                AddonCreation.IfExists.UPDATE));
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    if (run.cluster().isEmpty()) {
      return List.of();
    }
    return names(() -> AddonReads.names(run.eks(), run.clusterName())).stream()
        .filter(
            name ->
                AddonReads.describe(run.eks(), run.clusterName(), name)
                    .filter(addon -> run.isOwned(addon.tags()))
                    .isPresent())
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    return ChildDeletions.addon(run.eks(), run.clusterName(), name).run(scope.child(ref(name)));
  }

  private ResourceRef ref(String name) {
    return ResourceRef.child("addon", run.clusterName(), name);
  }

  /** The role ARNs the add-on names, by their field. */
  private static Map<String, String> referencedRoles(AddonSpec spec) {
    Map<String, String> arns = new LinkedHashMap<>();
    spec.serviceAccountRoleArn().ifPresent(arn -> arns.put("serviceAccountRoleArn", arn));
    List<AddonPodIdentity> identities = spec.podIdentityAssociations();
    for (int i = 0; i < identities.size(); i++) {
      arns.put("podIdentityAssociations[" + i + "].roleArn", identities.get(i).roleArn());
    }
    return arns;
  }
}
