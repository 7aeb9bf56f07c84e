package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.CpuArch;
import java.util.List;

/**
 * One rule for the instance types of both kinds of node group: 0–20 given (what a managed node
 * group and a mixed instances policy allow), and when none are given, one default per CPU
 * architecture: {@code t3.medium} (what EKS picks for a managed group) or its Graviton counterpart
 * {@code t4g.medium}. An accelerated AMI has no default: its drivers need a matching type.
 */
public final class InstanceTypeRules {
  static final int MAX_INSTANCE_TYPES = 20;

  private InstanceTypeRules() {}

  /** The types given, or the default for {@code ami}; empty for an accelerated AMI given none. */
  public static List<String> effective(AmiChoice ami, List<String> given) {
    if (!given.isEmpty() || ami.accelerator() != Accelerator.NONE) {
      return given;
    }
    return List.of(ami.arch() == CpuArch.ARM64 ? "t4g.medium" : "t3.medium");
  }

  static void check(Violations v, AmiChoice ami, List<String> given) {
    v.ids(
        "instanceTypes",
        given,
        NodegroupSpecRules.INSTANCE_TYPE,
        "an instance type such as m7g.large",
        0,
        MAX_INSTANCE_TYPES);
    if (given.isEmpty() && ami.accelerator() != Accelerator.NONE) {
      v.add(
          "instanceTypes",
          "required-for-accelerator",
          "has no default for an "
              + ami.accelerator()
              + " AMI: give 1 to "
              + MAX_INSTANCE_TYPES
              + " types with that accelerator");
    }
  }
}
