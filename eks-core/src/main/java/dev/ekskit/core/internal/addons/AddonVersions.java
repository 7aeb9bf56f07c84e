package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonVersion;
import dev.ekskit.core.spi.Violations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AddonInfo;
import software.amazon.awssdk.services.eks.model.AddonVersionInfo;
import software.amazon.awssdk.services.eks.model.Compatibility;

/**
 * Which versions of an add-on EKS offers for one Kubernetes version ({@code
 * DescribeAddonVersions}), and the one a spec means: EKS's default (the compatibility marked {@code
 * defaultVersion}), the latest (highest by {@link #ORDER}), or a pinned one that must be offered. A
 * name or version EKS does not offer is an {@link dev.ekskit.core.InvalidSpecException}.
 */
final class AddonVersions {
  /** Versions by their numbers: {@code v1.11.4-eksbuild.2} is 1, 11, 4, 2; then as text. */
  static final Comparator<String> ORDER =
      Comparator.<String, List<String>>comparing(AddonVersions::numbers, AddonVersions::compare)
          .thenComparing(Comparator.naturalOrder());

  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final int LISTED = 5;

  /**
   * What EKS offers of one add-on for one Kubernetes version.
   *
   * @param versions newest first
   * @param namespace where the add-on installs by default
   */
  record Offer(
      String addon,
      String kubernetesVersion,
      List<String> versions,
      Optional<String> defaultVersion,
      String namespace) {}

  private AddonVersions() {}

  static Offer offer(EksClient eks, String addon, String kubernetesVersion) {
    List<AddonInfo> infos = new ArrayList<>();
    eks.describeAddonVersionsPaginator(r -> r.addonName(addon).kubernetesVersion(kubernetesVersion))
        .addons()
        .forEach(infos::add);
    return offer(infos, addon, kubernetesVersion);
  }

  static Offer offer(List<AddonInfo> infos, String addon, String kubernetesVersion) {
    List<String> versions = new ArrayList<>();
    Optional<String> defaultVersion = Optional.empty();
    String namespace = "kube-system";
    for (AddonInfo info : infos) {
      if (!addon.equals(info.addonName())) {
        continue;
      }
      if (info.defaultNamespace() != null) {
        namespace = info.defaultNamespace();
      }
      for (AddonVersionInfo version : info.addonVersions()) {
        Optional<Compatibility> runsOn =
            version.compatibilities().stream()
                .filter(c -> kubernetesVersion.equals(c.clusterVersion()))
                .findFirst();
        if (runsOn.isPresent()) {
          versions.add(version.addonVersion());
          if (Boolean.TRUE.equals(runsOn.get().defaultVersion())) {
            defaultVersion = Optional.of(version.addonVersion());
          }
        }
      }
    }
    versions.sort(ORDER.reversed());
    return new Offer(addon, kubernetesVersion, List.copyOf(versions), defaultVersion, namespace);
  }

  /** The version {@code wanted} means in {@code offer}. */
  static String resolve(Offer offer, AddonVersion wanted) {
    Violations v = new Violations("AddonSpec");
    String k8s = offer.kubernetesVersion();
    if (offer.versions().isEmpty()) {
      v.add(
          "name",
          "offered",
          "EKS offers no add-on named '" + offer.addon() + "' for Kubernetes " + k8s);
      v.throwIfAny();
    }
    String resolved =
        switch (wanted.choice()) {
          case LATEST -> offer.versions().get(0);
          case DEFAULT -> offer.defaultVersion().orElse(null);
          case PINNED ->
              offer.versions().contains(wanted.pinned().orElseThrow())
                  ? wanted.pinned().get()
                  : null;
        };
    if (resolved == null) {
      v.add(
          "version",
          "offered",
          (wanted.choice() == AddonVersion.Choice.DEFAULT
                  ? "EKS marks no default version of " + offer.addon()
                  : offer.addon() + " " + wanted + " is not offered")
              + " for Kubernetes "
              + k8s
              + "; offered, newest first: "
              + String.join(
                  ", ", offer.versions().subList(0, Math.min(LISTED, offer.versions().size())))
              + (offer.versions().size() > LISTED ? ", ..." : ""));
    }
    v.throwIfAny();
    return resolved;
  }

  /** The runs of digits, without leading zeros, so that any length compares by value. */
  private static List<String> numbers(String version) {
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(version);
    while (m.find()) {
      String digits = m.group().replaceFirst("^0+(?=\\d)", "");
      numbers.add(digits);
    }
    return numbers;
  }

  private static int compare(List<String> one, List<String> other) {
    for (int i = 0; i < Math.min(one.size(), other.size()); i++) {
      String a = one.get(i);
      String b = other.get(i);
      int byValue =
          a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
      if (byValue != 0) {
        return byValue;
      }
    }
    return Integer.compare(one.size(), other.size());
  }
}
