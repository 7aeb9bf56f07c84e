package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.AmiChoice;
import java.util.Optional;

/**
 * One rule for the volume size of both kinds of node group: what EC2 allows for gp3, and at least
 * the AMI's own size on Windows (50 GiB). The default is the same as EKS's: 20 GiB, 50 on Windows.
 */
public final class VolumeRules {
  private static final int MIN_WINDOWS_GIB = 50;
  private static final int MAX_GIB = 16_384;

  private VolumeRules() {}

  /** {@code volumeGib}, or the default for {@code ami}. */
  public static int effective(AmiChoice ami, Optional<Integer> volumeGib) {
    return volumeGib.orElse(ami.isWindows() ? MIN_WINDOWS_GIB : 20);
  }

  static void check(Violations v, AmiChoice ami, Optional<Integer> volumeGib) {
    int least = ami.isWindows() ? MIN_WINDOWS_GIB : 1;
    volumeGib
        .filter(gib -> gib < least || gib > MAX_GIB)
        .ifPresent(
            gib ->
                v.add(
                    "volumeGib",
                    "range",
                    "must be " + least + " to " + MAX_GIB + " GiB for " + ami + ", was " + gib));
  }
}
