package dev.ekskit.nodes;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an AMI id comes from: the recommended release of the family (the default), one pinned
 * release, or an explicit AMI id. Each is checked through EC2 {@code DescribeImages} before use.
 *
 * <pre>{@code
 * amis.resolve(choice, "1.33", AmiSource.recommended());
 * amis.resolve(choice, "1.33", AmiSource.release("amazon-eks-node-al2023-x86_64-standard-1.33-v20251101"));
 * amis.resolve(AmiChoice.bottlerocket(CpuArch.ARM64, Accelerator.NONE, false), "1.33",
 *     AmiSource.release("1.49.0"));
 * amis.resolve(choice, "1.33", AmiSource.imageId("ami-0123456789abcdef0"));
 * }</pre>
 *
 * <p>A pinned release is, for Amazon Linux, the AMI name that replaces {@code recommended} in the
 * SSM path; for Bottlerocket, the version that replaces {@code latest}. Windows publishes only its
 * latest AMI, so pin Windows through {@link #imageId(String)}. A managed node group ({@link
 * NodegroupSpec#amiSource()}) pins EKS's own release version instead, such as {@code
 * 1.33.5-20251101}, and takes an image id only with a custom AMI in its launch template.
 */
public final class AmiSource {
  private static final AmiSource RECOMMENDED = new AmiSource(null, null);
  private final String release;
  private final String imageId;

  private AmiSource(String release, String imageId) {
    this.release = release;
    this.imageId = imageId;
  }

  public static AmiSource recommended() {
    return RECOMMENDED;
  }

  public static AmiSource release(String release) {
    return new AmiSource(release, null);
  }

  public static AmiSource imageId(String imageId) {
    return new AmiSource(null, imageId);
  }

  public Optional<String> pinnedRelease() {
    return Optional.ofNullable(release);
  }

  public Optional<String> pinnedImageId() {
    return Optional.ofNullable(imageId);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AmiSource source
        && Objects.equals(release, source.release)
        && Objects.equals(imageId, source.imageId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(release, imageId);
  }

  @Override
  public String toString() {
    return imageId != null
        ? "image " + imageId
        : release != null ? "release " + release : "recommended";
  }
}
