package dev.ekskit.testkit.internal;

import java.util.List;

/** The Kubernetes versions the simulated EKS offers, and its minor-by-minor upgrade rule. */
final class KubernetesVersions {
  static final String DEFAULT = "1.33";
  static final String INITIAL_PLATFORM_VERSION = "eks.1";
  private static final List<String> SUPPORTED =
      List.of("1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34");

  private KubernetesVersions() {}

  static String requireSupported(String version) {
    if (!SUPPORTED.contains(version)) {
      throw Errors.invalidParameter(
          "unsupported Kubernetes version " + version + "; supported: " + SUPPORTED);
    }
    return version;
  }

  /** EKS upgrades one minor version at a time: 1.32 to 1.33, never 1.32 to 1.34 or back. */
  static void requireNextMinor(String current, String target) {
    requireSupported(target);
    if (SUPPORTED.indexOf(target) != SUPPORTED.indexOf(current) + 1) {
      throw Errors.invalidParameter(
          "Unsupported Kubernetes minor version update from "
              + current
              + " to "
              + target
              + "; the next version must be exactly one minor version newer");
    }
  }
}
