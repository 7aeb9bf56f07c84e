package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonPodIdentityAssociations;
import software.amazon.awssdk.services.eks.model.CreateAddonRequest;
import software.amazon.awssdk.services.eks.model.UpdateAddonRequest;

/**
 * Maps between {@link AddonSpec} and EKS's add-on types, and tells where an add-on differs from a
 * spec. Configuration values compare as JSON values and are never shown. EKS answers with the ARNs
 * of an add-on's Pod Identity associations only, so those compare by count.
 */
final class AddonMapping {
  private static final String HIDDEN = "(not shown: may hold secrets)";

  private AddonMapping() {}

  static CreateAddonRequest createRequest(AddonSpec spec, String version, String token) {
    return CreateAddonRequest.builder()
        .clusterName(spec.clusterName())
        .addonName(spec.name())
        .addonVersion(version)
        .configurationValues(spec.configurationValues().orElse(null))
        .serviceAccountRoleArn(spec.serviceAccountRoleArn().orElse(null))
        .podIdentityAssociations(associations(spec))
        .resolveConflicts(spec.resolveConflictsOnCreate())
        .tags(Tags.forCluster(spec.clusterName(), spec.tags()))
        .clientRequestToken(token)
        .build();
  }

  /** The changes that make {@code existing} match the spec; empty when it already does. */
  static Optional<UpdateAddonRequest> updateRequest(
      AddonSpec spec, String version, Addon existing, String token) {
    UpdateAddonRequest.Builder update =
        UpdateAddonRequest.builder()
            .clusterName(spec.clusterName())
            .addonName(spec.name())
            .resolveConflicts(spec.resolveConflictsOnUpdate())
            .clientRequestToken(token);
    boolean changes = false;
    if (!version.equals(existing.addonVersion())) {
      update.addonVersion(version);
      changes = true;
    }
    if (!Json.sameValue(spec.configurationValues().orElse(null), existing.configurationValues())) {
      // No values means EKS's defaults: an empty object resets them.
      update.configurationValues(spec.configurationValues().orElse("{}"));
      changes = true;
    }
    if (!sameRole(spec, existing)) {
      update.serviceAccountRoleArn(spec.serviceAccountRoleArn().orElse(""));
      changes = true;
    }
    if (spec.podIdentityAssociations().size() != existing.podIdentityAssociations().size()) {
      update.podIdentityAssociations(associations(spec));
      changes = true;
    }
    return changes ? Optional.of(update.build()) : Optional.empty();
  }

  static List<FieldDifference> differences(AddonSpec spec, String version, Addon existing) {
    List<FieldDifference> diff = new ArrayList<>();
    if (!version.equals(existing.addonVersion())) {
      diff.add(new FieldDifference("version", version, existing.addonVersion()));
    }
    if (!Json.sameValue(spec.configurationValues().orElse(null), existing.configurationValues())) {
      diff.add(new FieldDifference("configurationValues", HIDDEN, HIDDEN + ", different"));
    }
    if (!sameRole(spec, existing)) {
      diff.add(
          new FieldDifference(
              "serviceAccountRoleArn",
              spec.serviceAccountRoleArn().orElse("none"),
              Objects.requireNonNullElse(existing.serviceAccountRoleArn(), "none")));
    }
    if (spec.podIdentityAssociations().size() != existing.podIdentityAssociations().size()) {
      diff.add(
          new FieldDifference(
              "podIdentityAssociations",
              spec.podIdentityAssociations().size() + " association(s)",
              existing.podIdentityAssociations().size() + " association(s)"));
    }
    return diff;
  }

  static AddonInfo info(Addon addon) {
    return new AddonInfo(
        addon.clusterName(),
        addon.addonName(),
        Objects.requireNonNullElse(addon.addonVersion(), ""),
        addon.statusAsString(),
        Optional.ofNullable(addon.configurationValues()).filter(v -> !v.isEmpty()),
        Optional.ofNullable(addon.serviceAccountRoleArn()).filter(v -> !v.isEmpty()),
        addon.podIdentityAssociations(),
        healthIssues(addon),
        addon.tags(),
        addon.createdAt(),
        addon.modifiedAt(),
        addon);
  }

  static List<HealthIssue> healthIssues(Addon addon) {
    return addon.health() == null
        ? List.of()
        : HealthIssues.of(
            addon.health().issues(),
            AddonIssue::codeAsString,
            AddonIssue::message,
            AddonIssue::resourceIds);
  }

  /** The namespace the add-on's pods run in, for the capacity question. */
  static String namespace(Addon addon, String byDefault) {
    return addon.namespaceConfig() != null && addon.namespaceConfig().namespace() != null
        ? addon.namespaceConfig().namespace()
        : byDefault;
  }

  private static boolean sameRole(AddonSpec spec, Addon existing) {
    String actual = existing.serviceAccountRoleArn();
    return Objects.equals(
        spec.serviceAccountRoleArn().orElse(null),
        actual == null || actual.isEmpty() ? null : actual);
  }

  private static List<AddonPodIdentityAssociations> associations(AddonSpec spec) {
    return spec.podIdentityAssociations().stream()
        .map(
            a ->
                AddonPodIdentityAssociations.builder()
                    .serviceAccount(a.serviceAccount())
                    .roleArn(a.roleArn())
                    .build())
        .toList();
  }
}
