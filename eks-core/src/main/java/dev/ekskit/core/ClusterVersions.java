package dev.ekskit.core;

import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes versions EKS offers now, newest first, from {@code DescribeClusterVersions}: for
 * choosing a version, and for an upgrade plan that must know when support ends.
 *
 * <pre>{@code
 * ClusterVersions versions = kit.clusters().versions();
 * String latest = versions.supported().get(0).version();
 * versions.find("1.30").flatMap(ClusterVersion::endOfStandardSupport);
 * }</pre>
 *
 * @param versions every version EKS listed, newest first
 */
public record ClusterVersions(List<ClusterVersion> versions) {
  public ClusterVersions {
    versions = List.copyOf(versions);
  }

  /** The version EKS creates clusters on when none is asked for. */
  public Optional<ClusterVersion> defaultVersion() {
    return versions.stream().filter(ClusterVersion::isDefault).findFirst();
  }

  /** The versions in standard or extended support, newest first. */
  public List<ClusterVersion> supported() {
    return versions.stream().filter(ClusterVersion::isSupported).toList();
  }

  public Optional<ClusterVersion> find(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }
}
