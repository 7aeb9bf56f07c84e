package dev.ekskit.core.internal;

import dev.ekskit.core.spi.Violations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes version arithmetic: EKS upgrades one minor version at a time and never downgrades. */
public final class VersionStep {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  private VersionStep() {}

  /**
   * Throws {@link dev.ekskit.core.InvalidSpecException} unless {@code target} is {@code current} +
   * 1 minor.
   */
  public static void requireNextMinor(String current, String target) {
    Violations v = new Violations("ClusterVersionUpdate");
    Matcher from = VERSION.matcher(current);
    Matcher to = VERSION.matcher(target);
    if (!to.matches()) {
      v.add(
          "kubernetesVersion", "pattern", "must be major.minor such as 1.34, was '" + target + "'");
    } else if (from.matches()
        && !(from.group(1).equals(to.group(1))
            && Integer.parseInt(to.group(2)) == Integer.parseInt(from.group(2)) + 1)) {
      v.add(
          "kubernetesVersion",
          "next-minor",
          "EKS upgrades one minor version at a time: from "
              + current
              + " the only target is "
              + from.group(1)
              + "."
              + (Integer.parseInt(from.group(2)) + 1)
              + ", was "
              + target);
    }
    v.throwIfAny();
  }
}
