package dev.ekskit.nodes;

import static dev.ekskit.nodes.Accelerator.NEURON;
import static dev.ekskit.nodes.Accelerator.NONE;
import static dev.ekskit.nodes.Accelerator.NVIDIA;
import static dev.ekskit.nodes.CpuArch.ARM64;
import static dev.ekskit.nodes.CpuArch.X86_64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eks.model.AMITypes;

class AmiChoiceTest {
  private static final String EKS = "/aws/service/eks/optimized-ami/";
  private static final String BR = "/aws/service/bottlerocket/";
  private static final String WIN = "/aws/service/ami-windows-latest/";

  static Stream<Arguments> existing() {
    return Stream.of(
        row(
            AmiChoice.al2(X86_64, NONE),
            "1.32",
            "AL2_x86_64",
            EKS + "1.32/amazon-linux-2/recommended/image_id"),
        row(
            AmiChoice.al2(ARM64, NONE),
            "1.29",
            "AL2_ARM_64",
            EKS + "1.29/amazon-linux-2-arm64/recommended/image_id"),
        row(
            AmiChoice.al2(X86_64, NVIDIA),
            "1.30",
            "AL2_x86_64_GPU",
            EKS + "1.30/amazon-linux-2-gpu/recommended/image_id"),
        row(
            AmiChoice.al2(X86_64, NEURON),
            "1.31",
            "AL2_x86_64_GPU",
            EKS + "1.31/amazon-linux-2-gpu/recommended/image_id"),
        row(
            AmiChoice.al2023(X86_64, NONE),
            "1.33",
            "AL2023_x86_64_STANDARD",
            EKS + "1.33/amazon-linux-2023/x86_64/standard/recommended/image_id"),
        row(
            AmiChoice.al2023(ARM64, NONE),
            "1.34",
            "AL2023_ARM_64_STANDARD",
            EKS + "1.34/amazon-linux-2023/arm64/standard/recommended/image_id"),
        row(
            AmiChoice.al2023(X86_64, NVIDIA),
            "1.33",
            "AL2023_x86_64_NVIDIA",
            EKS + "1.33/amazon-linux-2023/x86_64/nvidia/recommended/image_id"),
        row(
            AmiChoice.al2023(ARM64, NVIDIA),
            "1.33",
            "AL2023_ARM_64_NVIDIA",
            EKS + "1.33/amazon-linux-2023/arm64/nvidia/recommended/image_id"),
        row(
            AmiChoice.al2023(X86_64, NEURON),
            "1.33",
            "AL2023_x86_64_NEURON",
            EKS + "1.33/amazon-linux-2023/x86_64/neuron/recommended/image_id"),
        row(
            AmiChoice.bottlerocket(X86_64, NONE, false),
            "1.33",
            "BOTTLEROCKET_x86_64",
            BR + "aws-k8s-1.33/x86_64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(ARM64, NONE, false),
            "1.33",
            "BOTTLEROCKET_ARM_64",
            BR + "aws-k8s-1.33/arm64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(X86_64, NONE, true),
            "1.33",
            "BOTTLEROCKET_x86_64_FIPS",
            BR + "aws-k8s-1.33-fips/x86_64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(ARM64, NONE, true),
            "1.33",
            "BOTTLEROCKET_ARM_64_FIPS",
            BR + "aws-k8s-1.33-fips/arm64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(X86_64, NVIDIA, false),
            "1.34",
            "BOTTLEROCKET_x86_64_NVIDIA",
            BR + "aws-k8s-1.34-nvidia/x86_64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(ARM64, NVIDIA, false),
            "1.34",
            "BOTTLEROCKET_ARM_64_NVIDIA",
            BR + "aws-k8s-1.34-nvidia/arm64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(X86_64, NVIDIA, true),
            "1.34",
            "BOTTLEROCKET_x86_64_NVIDIA_FIPS",
            BR + "aws-k8s-1.34-nvidia-fips/x86_64/latest/image_id"),
        row(
            AmiChoice.bottlerocket(ARM64, NVIDIA, true),
            "1.34",
            "BOTTLEROCKET_ARM_64_NVIDIA_FIPS",
            BR + "aws-k8s-1.34-nvidia-fips/arm64/latest/image_id"),
        row(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2019, WindowsEdition.CORE),
            "1.33",
            "WINDOWS_CORE_2019_x86_64",
            WIN + "Windows_Server-2019-English-Core-EKS_Optimized-1.33/image_id"),
        row(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2019, WindowsEdition.FULL),
            "1.33",
            "WINDOWS_FULL_2019_x86_64",
            WIN + "Windows_Server-2019-English-Full-EKS_Optimized-1.33/image_id"),
        row(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE),
            "1.23",
            "WINDOWS_CORE_2022_x86_64",
            WIN + "Windows_Server-2022-English-Core-EKS_Optimized-1.23/image_id"),
        row(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.FULL),
            "1.34",
            "WINDOWS_FULL_2022_x86_64",
            WIN + "Windows_Server-2022-English-Full-EKS_Optimized-1.34/image_id"),
        row(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2025, WindowsEdition.CORE),
            "1.35",
            "WINDOWS_CORE_2025_x86_64",
            WIN + "Windows_Server-2025-English-Core-EKS_Optimized-1.35/image_id"),
        row(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2025, WindowsEdition.FULL),
            "1.35",
            "WINDOWS_FULL_2025_x86_64",
            WIN + "Windows_Server-2025-English-Full-EKS_Optimized-1.35/image_id"));
  }

  private static Arguments row(AmiChoice choice, String k8s, String amiType, String path) {
    return Arguments.of(choice, k8s, amiType, path);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("existing")
  void amiType_existingCombination_mapsToManagedNodegroupValue(
      AmiChoice choice, String k8s, String amiType, String path) {
    assertThat(choice.amiType(k8s)).isEqualTo(amiType);
    if (choice.family() != AmiFamily.WINDOWS_SERVER_2025) {
      assertThat(AMITypes.fromValue(amiType)).isNotEqualTo(AMITypes.UNKNOWN_TO_SDK_VERSION);
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("existing")
  void imageIdParameter_existingCombination_isDocumentedSsmPath(
      AmiChoice choice, String k8s, String amiType, String path) {
    assertThat(choice.imageIdParameter(k8s)).isEqualTo(path);
  }

  @Test
  void releaseParameter_perFamily_namesReleaseOrImageVersion() {
    assertThat(AmiChoice.al2023(ARM64, NONE).releaseParameter("1.33"))
        .hasValue(EKS + "1.33/amazon-linux-2023/arm64/standard/recommended/release_version");
    assertThat(AmiChoice.al2(X86_64, NONE).releaseParameter("1.32"))
        .hasValue(EKS + "1.32/amazon-linux-2/recommended/release_version");
    assertThat(AmiChoice.bottlerocket(X86_64, NVIDIA, true).releaseParameter("1.33"))
        .hasValue(BR + "aws-k8s-1.33-nvidia-fips/x86_64/latest/image_version");
    assertThat(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.FULL)
                .releaseParameter("1.33"))
        .isEmpty();
  }

  /** Every family × arch × accelerator × edition × FIPS: exactly the rows above build. */
  @Test
  void build_everyCombination_onlyExistingOnesBuild() {
    assertThat(AmiCombinations.existing())
        .containsExactlyInAnyOrderElementsOf(
            existing().map(a -> (AmiChoice) a.get()[0]).distinct().toList());
  }

  static Stream<Arguments> refusedCombinations() {
    return Stream.of(
        Arguments.of(
            AmiChoice.builder()
                .family(AmiFamily.WINDOWS_SERVER_2022)
                .arch(ARM64)
                .windowsEdition(WindowsEdition.CORE),
            "arch",
            "windows-x86-only"),
        Arguments.of(
            AmiChoice.builder().family(AmiFamily.WINDOWS_SERVER_2019),
            "windowsEdition",
            "required"),
        Arguments.of(
            AmiChoice.builder()
                .family(AmiFamily.WINDOWS_SERVER_2019)
                .accelerator(NVIDIA)
                .windowsEdition(WindowsEdition.FULL),
            "accelerator",
            "windows-no-accelerator"),
        Arguments.of(
            AmiChoice.builder().windowsEdition(WindowsEdition.CORE),
            "windowsEdition",
            "windows-only"),
        Arguments.of(
            AmiChoice.builder().arch(ARM64).accelerator(NEURON), "accelerator", "neuron-x86-only"),
        Arguments.of(
            AmiChoice.builder().family(AmiFamily.BOTTLEROCKET).accelerator(NEURON),
            "accelerator",
            "bottlerocket-no-neuron"),
        Arguments.of(
            AmiChoice.builder().family(AmiFamily.AMAZON_LINUX_2).arch(ARM64).accelerator(NVIDIA),
            "accelerator",
            "al2-accelerated-x86-only"),
        Arguments.of(AmiChoice.builder().fips(true), "fips", "bottlerocket-only"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("refusedCombinations")
  void build_nonexistentCombination_namesFieldAndRule(
      AmiChoice.Builder builder, String field, String rule) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)));
  }

  static Stream<Arguments> refusedVersions() {
    return Stream.of(
        Arguments.of(AmiChoice.al2(X86_64, NONE), "1.33", "al2-end-of-life"),
        Arguments.of(AmiChoice.al2(ARM64, NONE), "1.34", "al2-end-of-life"),
        Arguments.of(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2025, WindowsEdition.CORE),
            "1.34",
            "version-too-old"),
        Arguments.of(
            AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.FULL),
            "1.22",
            "version-too-old"),
        Arguments.of(AmiChoice.defaultChoice(), "1.3x", "pattern"),
        Arguments.of(AmiChoice.defaultChoice(), "2.0", "pattern"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("refusedVersions")
  void amiTypeAndParameter_unsupportedVersion_refusedWithRule(
      AmiChoice choice, String k8s, String rule) {
    assertThatThrownBy(() -> choice.amiType(k8s))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly(rule));
    assertThatThrownBy(() -> choice.imageIdParameter(k8s))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining(k8s);
  }

  @Test
  void defaultChoice_isAl2023X86Standard() {
    assertThat(AmiChoice.defaultChoice().amiType("1.33")).isEqualTo("AL2023_x86_64_STANDARD");
  }
}
