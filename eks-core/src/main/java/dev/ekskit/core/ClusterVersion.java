package dev.ekskit.core;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.VersionStatus;

/**
 * One Kubernetes version as EKS offers it ({@code DescribeClusterVersions}).
 *
 * @param version e.g. {@code 1.33}
 * @param status {@code STANDARD_SUPPORT}, {@code EXTENDED_SUPPORT} or {@code UNSUPPORTED}
 * @param statusAsString the status as EKS wrote it, for values newer than this SDK
 * @param isDefault whether EKS creates clusters on it when no version is asked for
 * @param releaseDate when EKS released it, if EKS says
 * @param endOfStandardSupport when standard support ends, if EKS says
 * @param endOfExtendedSupport when extended support ends, if EKS says
 * @param defaultPlatformVersion e.g. {@code eks.1}
 * @param kubernetesPatchVersion e.g. {@code 1.33.5}
 */
public record ClusterVersion(
    String version,
    VersionStatus status,
    String statusAsString,
    boolean isDefault,
    Optional<Instant> releaseDate,
    Optional<Instant> endOfStandardSupport,
    Optional<Instant> endOfExtendedSupport,
    String defaultPlatformVersion,
    String kubernetesPatchVersion) {

  /** In standard or extended support: clusters can be created on it and upgraded to it. */
  public boolean isSupported() {
    return status == VersionStatus.STANDARD_SUPPORT || status == VersionStatus.EXTENDED_SUPPORT;
  }
}
