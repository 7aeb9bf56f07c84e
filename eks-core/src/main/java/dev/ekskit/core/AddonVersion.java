package dev.ekskit.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Which version of an add-on to run: EKS's default for the cluster's Kubernetes version, the latest
 * that runs on it, or one pinned version. ekskit resolves default and latest through {@code
 * DescribeAddonVersions} when the operation starts.
 *
 * <pre>{@code
 * AddonVersion.defaultVersion();               // what EKS marks as default for the cluster
 * AddonVersion.latest();                       // the highest compatible version
 * AddonVersion.of("v1.11.4-eksbuild.2");       // exactly this one
 * AddonVersion.parse("latest");                // "default", "latest" or a version, e.g. from config
 * }</pre>
 */
public final class AddonVersion {
  /** How the version is chosen. */
  public enum Choice {
    /** EKS's default version for the cluster's Kubernetes version. */
    DEFAULT,
    /** The highest version compatible with the cluster's Kubernetes version. */
    LATEST,
    /** One version, e.g. {@code v1.11.4-eksbuild.2}. */
    PINNED
  }

  private static final AddonVersion DEFAULT = new AddonVersion(Choice.DEFAULT, null);
  private static final AddonVersion LATEST = new AddonVersion(Choice.LATEST, null);

  private final Choice choice;
  private final String pinned;

  private AddonVersion(Choice choice, String pinned) {
    this.choice = choice;
    this.pinned = pinned;
  }

  public static AddonVersion defaultVersion() {
    return DEFAULT;
  }

  public static AddonVersion latest() {
    return LATEST;
  }

  /** Exactly {@code version}, as {@code DescribeAddonVersions} names it. */
  public static AddonVersion of(String version) {
    return new AddonVersion(Choice.PINNED, Objects.requireNonNull(version, "version"));
  }

  /** {@code "default"}, {@code "latest"}, or a version to pin. */
  public static AddonVersion parse(String text) {
    return switch (Objects.requireNonNull(text, "text")) {
      case "default" -> DEFAULT;
      case "latest" -> LATEST;
      default -> of(text);
    };
  }

  public Choice choice() {
    return choice;
  }

  /** The pinned version; empty for default and latest. */
  public Optional<String> pinned() {
    return Optional.ofNullable(pinned);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddonVersion that
        && choice == that.choice
        && Objects.equals(pinned, that.pinned);
  }

  @Override
  public int hashCode() {
    return Objects.hash(choice, pinned);
  }

  /** {@code default}, {@code latest} or the pinned version: what {@link #parse} reads back. */
  @Override
  public String toString() {
    return pinned != null ? pinned : choice == Choice.DEFAULT ? "default" : "latest";
  }
}
