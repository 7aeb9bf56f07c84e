package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.CpuArch;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What EKS-optimized AMIs exist: the combination and version rules of {@link AmiChoice}, its
 * managed node group {@code amiType}, and its SSM public parameter paths as AWS documents them.
 */
public final class AmiCatalog {
  private static final String SPEC = "AmiChoice";
  private static final Pattern VERSION = Pattern.compile("1\\.(\\d{1,2})");

  /** AWS published the last Amazon Linux 2 EKS AMIs for 1.32. */
  static final int AL2_LAST_MINOR = 32;

  static final int WINDOWS_2022_FIRST_MINOR = 23;
  static final int WINDOWS_2025_FIRST_MINOR = 35;

  private AmiCatalog() {}

  /** Rules that hold for every Kubernetes version; run by {@code AmiChoice.build()}. */
  public static void checkCombination(AmiChoice choice) {
    Violations v = new Violations(SPEC);
    AmiFamily family = choice.family();
    boolean arm = choice.arch() == CpuArch.ARM64;
    if (family.isWindows()) {
      if (choice.windowsEdition().isEmpty()) {
        v.add("windowsEdition", "required", "Windows AMIs need an edition: CORE or FULL");
      }
      if (arm) {
        v.add("arch", "windows-x86-only", "Windows EKS AMIs exist for x86_64 only, not arm64");
      }
      if (choice.accelerator() != Accelerator.NONE) {
        v.add(
            "accelerator",
            "windows-no-accelerator",
            "Windows EKS AMIs carry no " + choice.accelerator() + " drivers; use NONE");
      }
    } else if (choice.windowsEdition().isPresent()) {
      v.add("windowsEdition", "windows-only", "only Windows families have an edition");
    }
    if (choice.accelerator() == Accelerator.NEURON && arm) {
      v.add("accelerator", "neuron-x86-only", "Neuron AMIs exist for x86_64 only, not arm64");
    }
    if (choice.accelerator() == Accelerator.NEURON && family == AmiFamily.BOTTLEROCKET) {
      v.add(
          "accelerator",
          "bottlerocket-no-neuron",
          "Bottlerocket has no Neuron variant; use AMAZON_LINUX_2023 with NEURON");
    }
    if (family == AmiFamily.AMAZON_LINUX_2 && arm && choice.accelerator() != Accelerator.NONE) {
      v.add(
          "accelerator",
          "al2-accelerated-x86-only",
          "the Amazon Linux 2 accelerated AMI exists for x86_64 only");
    }
    if (choice.fips() && family != AmiFamily.BOTTLEROCKET) {
      v.add("fips", "bottlerocket-only", "FIPS AMIs exist for BOTTLEROCKET only, not " + family);
    }
    v.throwIfAny();
  }

  /** Rules that depend on the Kubernetes version ({@code major.minor}). */
  public static void checkVersion(AmiChoice choice, String kubernetesVersion) {
    Violations v = new Violations(SPEC);
    var matcher = kubernetesVersion == null ? null : VERSION.matcher(kubernetesVersion);
    if (matcher == null || !matcher.matches()) {
      v.add(
          "kubernetesVersion",
          "pattern",
          "must be major.minor such as 1.33, was '" + kubernetesVersion + "'");
      v.throwIfAny();
    }
    int minor = Integer.parseInt(matcher.group(1));
    switch (choice.family()) {
      case AMAZON_LINUX_2 -> {
        if (minor > AL2_LAST_MINOR) {
          v.add(
              "family",
              "al2-end-of-life",
              "Amazon Linux 2 EKS AMIs end with Kubernetes 1."
                  + AL2_LAST_MINOR
                  + " (AWS ended AL2 support on 2025-11-26); use AMAZON_LINUX_2023 for "
                  + kubernetesVersion);
        }
      }
      case WINDOWS_SERVER_2022 -> firstMinor(v, minor, WINDOWS_2022_FIRST_MINOR, choice);
      case WINDOWS_SERVER_2025 -> firstMinor(v, minor, WINDOWS_2025_FIRST_MINOR, choice);
      default -> {
        // Amazon Linux 2023, Bottlerocket and Windows Server 2019 ship for every supported version.
      }
    }
    v.throwIfAny();
  }

  private static void firstMinor(Violations v, int minor, int first, AmiChoice choice) {
    if (minor < first) {
      v.add(
          "family",
          "version-too-old",
          choice.family() + " EKS AMIs start with Kubernetes 1." + first + ", was 1." + minor);
    }
  }

  public static String amiType(AmiChoice choice) {
    String arch = choice.arch() == CpuArch.ARM64 ? "ARM_64" : "x86_64";
    return switch (choice.family()) {
      case AMAZON_LINUX_2 ->
          choice.accelerator() == Accelerator.NONE ? "AL2_" + arch : "AL2_x86_64_GPU";
      case AMAZON_LINUX_2023 ->
          "AL2023_" + arch + "_" + al2023Flavor(choice).toUpperCase(java.util.Locale.ROOT);
      case BOTTLEROCKET ->
          "BOTTLEROCKET_"
              + arch
              + (choice.accelerator() == Accelerator.NVIDIA ? "_NVIDIA" : "")
              + (choice.fips() ? "_FIPS" : "");
      case WINDOWS_SERVER_2019, WINDOWS_SERVER_2022, WINDOWS_SERVER_2025 ->
          "WINDOWS_"
              + choice.windowsEdition().orElseThrow().name()
              + "_"
              + choice.family().windowsRelease()
              + "_x86_64";
    };
  }

  public static String imageIdParameter(AmiChoice choice, String k8s) {
    return base(choice, k8s) + "/image_id";
  }

  public static Optional<String> releaseParameter(AmiChoice choice, String k8s) {
    return switch (choice.family()) {
      case AMAZON_LINUX_2, AMAZON_LINUX_2023 -> Optional.of(base(choice, k8s) + "/release_version");
      case BOTTLEROCKET -> Optional.of(base(choice, k8s) + "/image_version");
      default -> Optional.empty();
    };
  }

  /**
   * The parameter of one pinned release instead of the recommended one: an Amazon Linux AMI name
   * such as {@code amazon-eks-node-al2023-x86_64-standard-1.33-v20251101}, or a Bottlerocket
   * version such as {@code 1.49.0}. Windows publishes only its latest AMI.
   */
  public static Optional<String> pinnedImageIdParameter(
      AmiChoice choice, String k8s, String release) {
    String base = base(choice, k8s);
    return switch (choice.family()) {
      case AMAZON_LINUX_2, AMAZON_LINUX_2023 ->
          Optional.of(base.replaceFirst("/recommended$", "/" + release) + "/image_id");
      case BOTTLEROCKET -> Optional.of(base.replaceFirst("/latest$", "/" + release) + "/image_id");
      default -> Optional.empty();
    };
  }

  private static String base(AmiChoice choice, String k8s) {
    String arch = choice.arch().awsName();
    return switch (choice.family()) {
      case AMAZON_LINUX_2 ->
          "/aws/service/eks/optimized-ami/"
              + k8s
              + "/amazon-linux-2"
              + (choice.accelerator() != Accelerator.NONE
                  ? "-gpu"
                  : choice.arch() == CpuArch.ARM64 ? "-arm64" : "")
              + "/recommended";
      case AMAZON_LINUX_2023 ->
          "/aws/service/eks/optimized-ami/"
              + k8s
              + "/amazon-linux-2023/"
              + arch
              + "/"
              + al2023Flavor(choice)
              + "/recommended";
      case BOTTLEROCKET ->
          "/aws/service/bottlerocket/aws-k8s-"
              + k8s
              + (choice.accelerator() == Accelerator.NVIDIA ? "-nvidia" : "")
              + (choice.fips() ? "-fips" : "")
              + "/"
              + arch
              + "/latest";
      case WINDOWS_SERVER_2019, WINDOWS_SERVER_2022, WINDOWS_SERVER_2025 ->
          "/aws/service/ami-windows-latest/Windows_Server-"
              + choice.family().windowsRelease()
              + "-English-"
              + choice.windowsEdition().orElseThrow().awsName()
              + "-EKS_Optimized-"
              + k8s;
    };
  }

  private static String al2023Flavor(AmiChoice choice) {
    return switch (choice.accelerator()) {
      case NONE -> "standard";
      case NVIDIA -> "nvidia";
      case NEURON -> "neuron";
    };
  }

  public static String describe(AmiChoice choice) {
    return choice.family()
        + "/"
        + choice.arch().awsName()
        + "/"
        + choice.accelerator()
        + choice.windowsEdition().map(e -> "/" + e).orElse("")
        + (choice.fips() ? "/FIPS" : "");
  }
}
