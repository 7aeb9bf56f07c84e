package dev.ekskit.nodes;

import dev.ekskit.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;

/** Every family × arch × accelerator × edition × FIPS that {@link AmiChoice} builds. */
public final class AmiCombinations {
  private AmiCombinations() {}

  public static List<AmiChoice> existing() {
    List<AmiChoice> built = new ArrayList<>();
    for (AmiFamily family : AmiFamily.values()) {
      for (CpuArch arch : CpuArch.values()) {
        for (Accelerator accelerator : Accelerator.values()) {
          for (WindowsEdition edition : editions(family)) {
            for (boolean fips : new boolean[] {false, true}) {
              var builder =
                  AmiChoice.builder().family(family).arch(arch).accelerator(accelerator).fips(fips);
              if (edition != null) {
                builder.windowsEdition(edition);
              }
              try {
                built.add(builder.build());
              } catch (InvalidSpecException refused) {
                // Not a combination AWS publishes: AmiChoiceTest checks the rule that refused it.
              }
            }
          }
        }
      }
    }
    return built;
  }

  /** Windows families try both editions and none; the others only none. */
  private static List<WindowsEdition> editions(AmiFamily family) {
    List<WindowsEdition> editions = new ArrayList<>();
    if (family.isWindows()) {
      editions.addAll(List.of(WindowsEdition.values()));
    }
    editions.add(null);
    return editions;
  }

  /** A Kubernetes version the family ships for and moto's seed holds. */
  public static String versionFor(AmiChoice choice) {
    return switch (choice.family()) {
      case AMAZON_LINUX_2 -> "1.32";
      case WINDOWS_SERVER_2025 -> "1.35";
      default -> "1.33";
    };
  }
}
