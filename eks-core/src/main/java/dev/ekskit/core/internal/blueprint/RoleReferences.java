package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.internal.identity.RoleReview;
import dev.ekskit.core.spi.Violations;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The roles add-ons name: each must be one the blueprint makes before its add-ons (the cluster and
 * node roles, the IRSA roles), or exist in the account. Checked while planning, before any change.
 */
final class RoleReferences {
  private final BlueprintRun run;
  private final Set<String> madeBeforeAddons = new HashSet<>();

  RoleReferences(BlueprintRun run) {
    this.run = run;
    ClusterBlueprint blueprint = run.blueprint();
    blueprint.clusterRole().ifPresent(role -> madeBeforeAddons.add(role.name()));
    blueprint.nodeRole().ifPresent(role -> madeBeforeAddons.add(role.name()));
    blueprint.serviceAccountRoles().forEach(sa -> madeBeforeAddons.add(sa.role().name()));
  }

  /**
   * Throws {@link dev.ekskit.core.InvalidSpecException} naming each field of {@code arnsByField}
   * whose role the blueprint does not make in time and the account does not have.
   */
  void requireUsable(Map<String, String> arnsByField) {
    Violations v = new Violations("AddonSpec");
    arnsByField.forEach(
        (field, arn) -> {
          String name = arn.substring(arn.lastIndexOf('/') + 1);
          if (!madeBeforeAddons.contains(name) && !RoleReview.exists(run.iam(), name)) {
            v.add(
                field,
                "role-exists",
                "names the role "
                    + name
                    + ", which the account does not have and the blueprint does not make before"
                    + " its add-ons: add it to serviceAccountRoles, or create it first");
          }
        });
    v.throwIfAny();
  }
}
