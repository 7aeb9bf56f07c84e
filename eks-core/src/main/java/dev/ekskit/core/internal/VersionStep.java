package dev.ekskit.core.internal;

import dev.ekskit.core.spi.Violations;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The minor versions an upgrade from {@code from} to {@code to} goes through, each a hop EKS
   * takes: {@code hops("1.32", "1.34")} is {@code [1.33, 1.34]}; empty when {@code to} is not
   * newer.
   */
  public static List<String> hops(String from, String to) {
    int[] start = parse(from);
    int[] end = parse(to);
    List<String> hops = new ArrayList<>();
    if (start[0] == end[0]) {
      for (int minor = start[1] + 1; minor <= end[1]; minor++) {
        hops.add(start[0] + "." + minor);
      }
    }
    return hops;
  }

  /** How many minor versions {@code newer} is ahead of {@code older}; negative when behind. */
  public static int minorsAhead(String newer, String older) {
    int[] a = parse(newer);
    int[] b = parse(older);
    return a[0] == b[0] ? a[1] - b[1] : (a[0] - b[0]) * 100;
  }

  private static int[] parse(String version) {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a major.minor version: " + version);
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
