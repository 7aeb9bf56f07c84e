package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonPodIdentity;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.model.ResolveConflicts;

/** The rules of {@link AddonSpec} that need no AWS call. */
public final class AddonSpecRules {
  /**
   * AWS's add-ons and the marketplace's, e.g. {@code vpc-cni}, {@code
   * dynatrace_dynatrace-operator}.
   */
  public static final Pattern ADDON_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  static final Pattern ADDON_VERSION = Pattern.compile("v?\\d+(\\.\\d+)*[A-Za-z0-9._+-]*");

  /** A Kubernetes service account name: a DNS subdomain. */
  private static final Pattern SERVICE_ACCOUNT =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private AddonSpecRules() {}

  public static void check(AddonSpec spec) {
    Violations v = new Violations("AddonSpec");
    v.eksName("cluster", spec.clusterName(), 100);
    v.name(
        "name",
        spec.name(),
        ADDON_NAME,
        100,
        "must hold only lowercase letters, digits, '-' and '_', starting with a letter or digit");
    spec.version()
        .pinned()
        .ifPresent(
            pinned ->
                v.matches(
                    "version",
                    pinned,
                    ADDON_VERSION,
                    "an add-on version such as v1.11.4-eksbuild.2"));
    spec.configurationValues()
        .flatMap(Json::objectProblem)
        .ifPresent(problem -> v.add("configurationValues", "json", problem));
    spec.serviceAccountRoleArn().ifPresent(arn -> v.roleArn("serviceAccountRoleArn", arn));
    checkPodIdentities(spec.podIdentityAssociations(), v);
    checkResolveConflicts("resolveConflictsOnCreate", spec.resolveConflictsOnCreate(), v);
    checkResolveConflicts("resolveConflictsOnUpdate", spec.resolveConflictsOnUpdate(), v);
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  private static void checkPodIdentities(List<AddonPodIdentity> identities, Violations v) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < identities.size(); i++) {
      AddonPodIdentity identity = identities.get(i);
      String at = "podIdentityAssociations[" + i + "]";
      v.name(
          at + ".serviceAccount",
          identity.serviceAccount(),
          SERVICE_ACCOUNT,
          253,
          "must be a Kubernetes service account name: lowercase letters, digits, '-' and '.'");
      v.roleArn(at + ".roleArn", identity.roleArn());
      if (!seen.add(identity.serviceAccount())) {
        v.add(
            at + ".serviceAccount",
            "unique",
            "names service account '" + identity.serviceAccount() + "' twice");
      }
    }
  }

  private static void checkResolveConflicts(String field, ResolveConflicts value, Violations v) {
    if (value == ResolveConflicts.UNKNOWN_TO_SDK_VERSION) {
      v.add(field, "known", "must be NONE, OVERWRITE or PRESERVE");
    }
  }
}
