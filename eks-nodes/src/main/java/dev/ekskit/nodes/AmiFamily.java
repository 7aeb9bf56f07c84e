package dev.ekskit.nodes;

/**
 * The operating system family of an EKS-optimized AMI.
 *
 * <pre>{@code
 * AmiChoice choice = AmiChoice.builder().family(AmiFamily.BOTTLEROCKET).fips(true).build();
 * }</pre>
 *
 * <p>Kubernetes versions: Amazon Linux 2 AMIs exist up to 1.32 only (AWS ended AL2 support on
 * 2025-11-26); Windows Server 2022 from 1.23; Windows Server 2025 from 1.35.
 */
public enum AmiFamily {
  AMAZON_LINUX_2(null),
  /** The default family. */
  AMAZON_LINUX_2023(null),
  BOTTLEROCKET(null),
  WINDOWS_SERVER_2019("2019"),
  WINDOWS_SERVER_2022("2022"),
  WINDOWS_SERVER_2025("2025");

  private final String windowsRelease;

  AmiFamily(String windowsRelease) {
    this.windowsRelease = windowsRelease;
  }

  public boolean isWindows() {
    return windowsRelease != null;
  }

  /** {@code "2019"}, {@code "2022"} or {@code "2025"} for Windows families, else null. */
  public String windowsRelease() {
    return windowsRelease;
  }
}
