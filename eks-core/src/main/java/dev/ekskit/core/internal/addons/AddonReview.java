package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.FieldDifference;
import java.util.List;
import software.amazon.awssdk.services.eks.EksClient;

/** An add-on spec against the account, read only: the version it means, and what differs. */
public final class AddonReview {
  private AddonReview() {}

  /**
   * The version {@code spec} means on {@code kubernetesVersion}; throws {@link
   * dev.ekskit.core.InvalidSpecException} when EKS offers none that fits. Blocks.
   */
  public static String version(EksClient eks, AddonSpec spec, String kubernetesVersion) {
    return AddonVersions.resolve(
        AddonVersions.offer(eks, spec.name(), kubernetesVersion), spec.version());
  }

  /** Where {@code existing} differs from the spec at {@code version}: all of it EKS updates. */
  public static List<FieldDifference> differences(
      AddonSpec spec, String version, AddonInfo existing) {
    return AddonMapping.differences(spec, version, existing.sdkAddon());
  }
}
