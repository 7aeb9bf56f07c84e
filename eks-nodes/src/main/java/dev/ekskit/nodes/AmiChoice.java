package dev.ekskit.nodes;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.nodes.internal.AmiCatalog;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which EKS-optimized AMI a node group runs: family × CPU architecture × accelerator, plus the
 * Windows edition and Bottlerocket's FIPS variant. {@code build()} refuses combinations that exist
 * for no Kubernetes version (Windows or Neuron on arm64, FIPS outside Bottlerocket, ...); {@link
 * #amiType(String)} and {@link #imageIdParameter(String)} also refuse versions the family does not
 * ship for (Amazon Linux 2 after 1.32, Windows Server 2025 before 1.35, Windows Server 2022 before
 * 1.23). Both throw {@link InvalidSpecException} naming the field and the rule, before any AWS
 * call.
 *
 * <pre>{@code
 * AmiChoice choice = AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE);
 * choice.amiType("1.33");          // "AL2023_ARM_64_STANDARD"
 * choice.imageIdParameter("1.33"); // "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id"
 * }</pre>
 */
@Value.Immutable
@SpecStyle
public abstract class AmiChoice {
  AmiChoice() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Amazon Linux 2023, x86_64, no accelerator: the default of managed node groups. */
  public static AmiChoice defaultChoice() {
    return builder().build();
  }

  public static AmiChoice al2023(CpuArch arch, Accelerator accelerator) {
    return builder()
        .family(AmiFamily.AMAZON_LINUX_2023)
        .arch(arch)
        .accelerator(accelerator)
        .build();
  }

  public static AmiChoice al2(CpuArch arch, Accelerator accelerator) {
    return builder().family(AmiFamily.AMAZON_LINUX_2).arch(arch).accelerator(accelerator).build();
  }

  public static AmiChoice bottlerocket(CpuArch arch, Accelerator accelerator, boolean fips) {
    return builder()
        .family(AmiFamily.BOTTLEROCKET)
        .arch(arch)
        .accelerator(accelerator)
        .fips(fips)
        .build();
  }

  /** Windows Server AMIs are x86_64 only and carry no accelerator drivers. */
  public static AmiChoice windows(AmiFamily family, WindowsEdition edition) {
    return builder().family(family).windowsEdition(edition).build();
  }

  @Value.Default
  public AmiFamily family() {
    return AmiFamily.AMAZON_LINUX_2023;
  }

  @Value.Default
  public CpuArch arch() {
    return CpuArch.X86_64;
  }

  @Value.Default
  public Accelerator accelerator() {
    return Accelerator.NONE;
  }

  /** Required for Windows families, refused for the others. */
  public abstract Optional<WindowsEdition> windowsEdition();

  /** The FIPS 140-3 variant; Bottlerocket only. */
  @Value.Default
  public boolean fips() {
    return false;
  }

  /**
   * The managed node group {@code amiType} for {@code kubernetesVersion}, e.g. {@code
   * "BOTTLEROCKET_ARM_64_FIPS"}. A string, so values newer than the SDK's {@code AMITypes} (such as
   * {@code WINDOWS_CORE_2025_x86_64}) pass through; {@code AMITypes.fromValue} maps the known ones.
   */
  public String amiType(String kubernetesVersion) {
    AmiCatalog.checkVersion(this, kubernetesVersion);
    return AmiCatalog.amiType(this);
  }

  /** The SSM public parameter holding the recommended AMI id for {@code kubernetesVersion}. */
  public String imageIdParameter(String kubernetesVersion) {
    AmiCatalog.checkVersion(this, kubernetesVersion);
    return AmiCatalog.imageIdParameter(this, kubernetesVersion);
  }

  /**
   * The SSM public parameter naming the recommended release: {@code release_version} for Amazon
   * Linux, {@code image_version} for Bottlerocket; empty for Windows, which publishes none.
   */
  public Optional<String> releaseParameter(String kubernetesVersion) {
    AmiCatalog.checkVersion(this, kubernetesVersion);
    return AmiCatalog.releaseParameter(this, kubernetesVersion);
  }

  public boolean isWindows() {
    return family().isWindows();
  }

  @Value.Check
  void check() {
    AmiCatalog.checkCombination(this);
  }

  @Override
  public String toString() {
    return AmiCatalog.describe(this);
  }

  /** Builds an {@link AmiChoice}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableAmiChoice.Builder {
    Builder() {}
  }
}
