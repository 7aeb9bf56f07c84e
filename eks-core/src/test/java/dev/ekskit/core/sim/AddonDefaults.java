package dev.ekskit.core.sim;

import dev.ekskit.simulator.SimulatedAws;

/** What the simulated EKS offers for add-ons, read as a test checks it from outside. */
public final class AddonDefaults {
  private AddonDefaults() {}

  /** The version of {@code addon} EKS installs by default on {@code kubernetesVersion}. */
  public static String version(SimulatedAws aws, String addon, String kubernetesVersion) {
    return aws
        .eks()
        .describeAddonVersions(r -> r.addonName(addon).kubernetesVersion(kubernetesVersion))
        .addons()
        .get(0)
        .addonVersions()
        .stream()
        .filter(
            v ->
                v.compatibilities().stream().anyMatch(c -> Boolean.TRUE.equals(c.defaultVersion())))
        .findFirst()
        .orElseThrow()
        .addonVersion();
  }
}
