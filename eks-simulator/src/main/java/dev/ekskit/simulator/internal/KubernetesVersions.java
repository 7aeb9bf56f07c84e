package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.ClusterVersionInformation;
import software.amazon.awssdk.services.eks.model.ClusterVersionStatus;
import software.amazon.awssdk.services.eks.model.DescribeClusterVersionsRequest;
import software.amazon.awssdk.services.eks.model.DescribeClusterVersionsResponse;
import software.amazon.awssdk.services.eks.model.VersionStatus;

/**
 * The Kubernetes versions the simulated EKS offers, with their real release dates and EKS's support
 * policy (14 months of standard support, then 12 of extended), each version's status following from
 * virtual now; the default version; and the minor-by-minor upgrade rule. A version past extended
 * support can no longer be chosen.
 */
final class KubernetesVersions {
  static final String DEFAULT = "1.33";
  static final String INITIAL_PLATFORM_VERSION = "eks.1";
  private static final int STANDARD_MONTHS = 14;
  private static final int EXTENDED_MONTHS = 26;

  /** One version and the day EKS released it. */
  record Release(String version, LocalDate releasedOn, String patch) {
    Instant endOfStandardSupport() {
      return at(releasedOn.plusMonths(STANDARD_MONTHS));
    }

    Instant endOfExtendedSupport() {
      return at(releasedOn.plusMonths(EXTENDED_MONTHS));
    }

    VersionStatus status(Instant now) {
      if (now.isBefore(endOfStandardSupport())) {
        return VersionStatus.STANDARD_SUPPORT;
      }
      return now.isBefore(endOfExtendedSupport())
          ? VersionStatus.EXTENDED_SUPPORT
          : VersionStatus.UNSUPPORTED;
    }

    private static Instant at(LocalDate day) {
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private static final List<Release> RELEASES =
      List.of(
          new Release("1.28", LocalDate.of(2023, 9, 26), "1.28.15"),
          new Release("1.29", LocalDate.of(2024, 1, 23), "1.29.15"),
          new Release("1.30", LocalDate.of(2024, 5, 23), "1.30.14"),
          new Release("1.31", LocalDate.of(2024, 9, 26), "1.31.13"),
          new Release("1.32", LocalDate.of(2025, 1, 23), "1.32.9"),
          new Release("1.33", LocalDate.of(2025, 5, 29), "1.33.5"),
          new Release("1.34", LocalDate.of(2025, 10, 2), "1.34.1"));

  private KubernetesVersions() {}

  static String requireSupported(String version, Instant now) {
    Optional<Release> release =
        find(version).filter(r -> r.status(now) != VersionStatus.UNSUPPORTED);
    if (release.isEmpty()) {
      throw Errors.invalidParameter(
          "unsupported Kubernetes version " + version + "; supported: " + supported(now));
    }
    return version;
  }

  /** EKS upgrades one minor version at a time: 1.32 to 1.33, never 1.32 to 1.34 or back. */
  static void requireNextMinor(String current, String target, Instant now) {
    requireSupported(target, now);
    if (RELEASES.indexOf(find(target).orElseThrow())
        != find(current).map(RELEASES::indexOf).orElse(-2) + 1) {
      throw Errors.invalidParameter(
          "Unsupported Kubernetes minor version update from "
              + current
              + " to "
              + target
              + "; the next version must be exactly one minor version newer");
    }
  }

  /** As DescribeClusterVersions answers: newest first, unsupported versions only when asked. */
  static DescribeClusterVersionsResponse describe(
      DescribeClusterVersionsRequest request, Instant now) {
    List<ClusterVersionInformation> versions =
        RELEASES.stream()
            .sorted(Comparator.comparing(Release::releasedOn).reversed())
            .filter(
                r ->
                    Boolean.TRUE.equals(request.includeAll())
                        || r.status(now) != VersionStatus.UNSUPPORTED)
            .filter(
                r ->
                    !request.hasClusterVersions()
                        || request.clusterVersions().contains(r.version()))
            .filter(r -> !Boolean.TRUE.equals(request.defaultOnly()) || r.version().equals(DEFAULT))
            .filter(
                r -> request.versionStatus() == null || request.versionStatus() == r.status(now))
            .map(r -> information(r, now))
            .toList();
    Page<ClusterVersionInformation> page =
        Page.of(versions, request.maxResults(), request.nextToken());
    return DescribeClusterVersionsResponse.builder()
        .clusterVersions(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  private static ClusterVersionInformation information(Release release, Instant now) {
    VersionStatus status = release.status(now);
    return ClusterVersionInformation.builder()
        .clusterVersion(release.version())
        .clusterType("eks")
        .defaultPlatformVersion(INITIAL_PLATFORM_VERSION)
        .defaultVersion(release.version().equals(DEFAULT))
        .releaseDate(Release.at(release.releasedOn()))
        .endOfStandardSupportDate(release.endOfStandardSupport())
        .endOfExtendedSupportDate(release.endOfExtendedSupport())
        .versionStatus(status)
        .status(ClusterVersionStatus.fromValue(status.toString()))
        .kubernetesPatchVersion(release.patch())
        .build();
  }

  /** The minor version after {@code version}, e.g. for the insights of an upgrade. */
  static String nextMinor(String version) {
    return "1." + (AddonCatalog.minorOf(version) + 1);
  }

  private static List<String> supported(Instant now) {
    return RELEASES.stream()
        .filter(r -> r.status(now) != VersionStatus.UNSUPPORTED)
        .map(Release::version)
        .toList();
  }

  private static Optional<Release> find(String version) {
    return RELEASES.stream().filter(r -> r.version().equals(version)).findFirst();
  }
}
