package dev.ekskit.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.services.eks.model.AddonInfo;
import software.amazon.awssdk.services.eks.model.AddonVersionInfo;
import software.amazon.awssdk.services.eks.model.Compatibility;
import software.amazon.awssdk.services.eks.model.DescribeAddonConfigurationResponse;

/**
 * The add-ons the simulated EKS offers: for each, its versions with the Kubernetes minor versions
 * they run on, EKS's default per Kubernetes version (the newest but one compatible version, so that
 * default and latest differ as they usually do), and a configuration schema shaped like the real
 * one (under {@code dev/ekskit/simulator/addons/}).
 */
final class AddonCatalog {
  /** One version and the Kubernetes minors it is compatible with, inclusive. */
  record Version(String name, int fromMinor, int toMinor) {
    boolean runsOn(String kubernetesVersion) {
      int minor = minorOf(kubernetesVersion);
      return minor >= fromMinor && minor <= toMinor;
    }
  }

  /** One add-on: its type and its versions, oldest first. */
  record Addon(String name, String type, List<Version> versions) {}

  private static final int OLDEST_MINOR = 28;
  private static final int NEWEST_MINOR = 34;

  private static final Map<String, Addon> ADDONS =
      Map.of(
          "vpc-cni",
          new Addon(
              "vpc-cni",
              "networking",
              List.of(
                  new Version("v1.18.6-eksbuild.1", 28, 31),
                  new Version("v1.19.2-eksbuild.1", 28, 33),
                  new Version("v1.19.5-eksbuild.1", 29, 34),
                  new Version("v1.20.1-eksbuild.1", 30, 34))),
          "coredns",
          new Addon(
              "coredns",
              "networking",
              List.of(
                  new Version("v1.10.1-eksbuild.18", 28, 29),
                  new Version("v1.11.3-eksbuild.2", 29, 31),
                  new Version("v1.11.4-eksbuild.2", 30, 34),
                  new Version("v1.12.1-eksbuild.2", 32, 34))),
          "kube-proxy",
          new Addon("kube-proxy", "networking", kubeProxyVersions()),
          "eks-pod-identity-agent",
          new Addon(
              "eks-pod-identity-agent",
              "security",
              List.of(
                  new Version("v1.3.4-eksbuild.1", 28, 34),
                  new Version("v1.3.7-eksbuild.2", 28, 34))),
          "aws-ebs-csi-driver",
          new Addon(
              "aws-ebs-csi-driver",
              "storage",
              List.of(
                  new Version("v1.38.1-eksbuild.1", 28, 33),
                  new Version("v1.41.0-eksbuild.1", 29, 34),
                  new Version("v1.44.0-eksbuild.1", 30, 34))),
          "metrics-server",
          new Addon(
              "metrics-server",
              "observability",
              List.of(
                  new Version("v0.7.2-eksbuild.1", 28, 34),
                  new Version("v0.7.2-eksbuild.3", 29, 34),
                  new Version("v0.8.0-eksbuild.1", 30, 34))));

  private AddonCatalog() {}

  /** kube-proxy follows Kubernetes: two builds per minor version, each for that minor only. */
  private static List<Version> kubeProxyVersions() {
    return IntStream.rangeClosed(OLDEST_MINOR, NEWEST_MINOR)
        .boxed()
        .flatMap(
            minor ->
                Stream.of(
                    new Version("v1." + minor + ".0-eksbuild.2", minor, minor),
                    new Version("v1." + minor + ".3-eksbuild.4", minor, minor)))
        .toList();
  }

  static Optional<Addon> find(String name) {
    return Optional.ofNullable(name).map(ADDONS::get);
  }

  static Addon require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                Errors.invalidParameter(
                    "Addon " + name + " specified is not supported in this region"));
  }

  /** EKS's default version of {@code name} for a cluster on {@code kubernetesVersion}. */
  static String defaultVersion(String name, String kubernetesVersion) {
    List<Version> compatible = compatible(require(name), kubernetesVersion);
    if (compatible.isEmpty()) {
      throw Errors.invalidParameter(
          "Addon " + name + " has no version for Kubernetes " + kubernetesVersion);
    }
    return compatible.get(Math.max(0, compatible.size() - 2)).name();
  }

  /** The version must exist and run on the cluster's Kubernetes version. */
  static void requireCompatible(String name, String version, String kubernetesVersion) {
    boolean offered =
        compatible(require(name), kubernetesVersion).stream()
            .anyMatch(v -> v.name().equals(version));
    if (!offered) {
      throw Errors.invalidParameter(
          "Addon version "
              + version
              + " of "
              + name
              + " is not supported on Kubernetes "
              + kubernetesVersion);
    }
  }

  /**
   * As DescribeAddonVersions answers: every add-on, or the one named; for one Kubernetes version.
   */
  static List<AddonInfo> info(String addonName, String kubernetesVersion) {
    List<Addon> addons =
        addonName == null
            ? ADDONS.values().stream().sorted(Comparator.comparing(Addon::name)).toList()
            : find(addonName).stream().toList();
    List<AddonInfo> found = new ArrayList<>();
    for (Addon addon : addons) {
      List<AddonVersionInfo> versions = new ArrayList<>();
      for (Version version : addon.versions()) {
        List<Compatibility> compatibilities =
            IntStream.rangeClosed(version.fromMinor(), version.toMinor())
                .mapToObj(minor -> "1." + minor)
                .filter(k -> kubernetesVersion == null || k.equals(kubernetesVersion))
                .map(
                    k ->
                        Compatibility.builder()
                            .clusterVersion(k)
                            .platformVersions("*")
                            .defaultVersion(version.name().equals(defaultVersion(addon.name(), k)))
                            .build())
                .toList();
        if (!compatibilities.isEmpty()) {
          versions.add(
              AddonVersionInfo.builder()
                  .addonVersion(version.name())
                  .architecture("amd64", "arm64")
                  .compatibilities(compatibilities)
                  .requiresConfiguration(false)
                  .build());
        }
      }
      if (!versions.isEmpty()) {
        // EKS lists the newest version first.
        Collections.reverse(versions);
        found.add(
            AddonInfo.builder()
                .addonName(addon.name())
                .type(addon.type())
                .owner("aws")
                .publisher("eks")
                .defaultNamespace("kube-system")
                .addonVersions(versions)
                .build());
      }
    }
    return found;
  }

  static DescribeAddonConfigurationResponse configuration(String addonName, String version) {
    Addon addon = require(addonName);
    if (addon.versions().stream().noneMatch(v -> v.name().equals(version))) {
      throw Errors.notFound("Addon " + addonName + " with version " + version + " not found");
    }
    return DescribeAddonConfigurationResponse.builder()
        .addonName(addonName)
        .addonVersion(version)
        .configurationSchema(schema(addonName))
        .build();
  }

  private static String schema(String addonName) {
    String path = "/dev/ekskit/simulator/addons/" + addonName + ".json";
    try (InputStream in = AddonCatalog.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing simulated schema " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Version> compatible(Addon addon, String kubernetesVersion) {
    return addon.versions().stream().filter(v -> v.runsOn(kubernetesVersion)).toList();
  }

  static int minorOf(String kubernetesVersion) {
    return Integer.parseInt(kubernetesVersion.substring(kubernetesVersion.indexOf('.') + 1));
  }
}
