package dev.ekskit.simulator.moto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ArchitectureValues;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Every SSM path family the launcher seeds resolves to an AMI that EC2 knows, with that
 * architecture.
 */
@MotoTest
class MotoAmiSeedsTest {
  private static final String EKS = "/aws/service/eks/optimized-ami/";
  private static final String BOTTLEROCKET = "/aws/service/bottlerocket/";
  private static final String WINDOWS = "/aws/service/ami-windows-latest/";
  private static final String X86 = "x86_64";
  private static final String ARM = "arm64";

  private final SsmClient ssm;
  private final Ec2Client ec2;

  MotoAmiSeedsTest(MotoAccount account) {
    ssm = account.client(SsmClient.builder());
    ec2 = account.client(Ec2Client.builder());
  }

  /** Family path for the oldest and newest seeded Kubernetes version, expected architecture. */
  static Stream<Arguments> imageIdPaths() {
    return Stream.of(
        linux(EKS + "1.29/amazon-linux-2/recommended/image_id", X86, "amazon-eks-node-1.29-"),
        linux(
            EKS + "1.32/amazon-linux-2-arm64/recommended/image_id",
            ARM,
            "amazon-eks-arm64-node-1.32-"),
        linux(
            EKS + "1.32/amazon-linux-2-gpu/recommended/image_id", X86, "amazon-eks-gpu-node-1.32-"),
        linux(
            EKS + "1.29/amazon-linux-2023/x86_64/standard/recommended/image_id",
            X86,
            "amazon-eks-node-al2023-x86_64-standard-1.29-"),
        linux(
            EKS + "1.34/amazon-linux-2023/x86_64/nvidia/recommended/image_id",
            X86,
            "amazon-eks-node-al2023-x86_64-nvidia-1.34-"),
        linux(
            EKS + "1.34/amazon-linux-2023/x86_64/neuron/recommended/image_id",
            X86,
            "amazon-eks-node-al2023-x86_64-neuron-1.34-"),
        linux(
            EKS + "1.34/amazon-linux-2023/arm64/standard/recommended/image_id",
            ARM,
            "amazon-eks-node-al2023-arm64-standard-1.34-"),
        linux(
            EKS + "1.29/amazon-linux-2023/arm64/nvidia/recommended/image_id",
            ARM,
            "amazon-eks-node-al2023-arm64-nvidia-1.29-"),
        linux(
            BOTTLEROCKET + "aws-k8s-1.29/x86_64/latest/image_id",
            X86,
            "bottlerocket-aws-k8s-1.29-x86_64-v"),
        linux(
            BOTTLEROCKET + "aws-k8s-1.34/arm64/latest/image_id",
            ARM,
            "bottlerocket-aws-k8s-1.34-arm64-v"),
        linux(
            BOTTLEROCKET + "aws-k8s-1.34-nvidia/x86_64/latest/image_id",
            X86,
            "bottlerocket-aws-k8s-1.34-nvidia-x86_64-v"),
        linux(
            BOTTLEROCKET + "aws-k8s-1.34-fips/arm64/latest/image_id",
            ARM,
            "bottlerocket-aws-k8s-1.34-fips-arm64-v"),
        linux(
            BOTTLEROCKET + "aws-k8s-1.33-nvidia-fips/arm64/latest/image_id",
            ARM,
            "bottlerocket-aws-k8s-1.33-nvidia-fips-arm64-v"),
        windows("Windows_Server-2019-English-Core-EKS_Optimized-1.29"),
        windows("Windows_Server-2019-English-Full-EKS_Optimized-1.35"),
        windows("Windows_Server-2022-English-Core-EKS_Optimized-1.33"),
        windows("Windows_Server-2022-English-Full-EKS_Optimized-1.29"),
        windows("Windows_Server-2025-English-Core-EKS_Optimized-1.35"),
        windows("Windows_Server-2025-English-Full-EKS_Optimized-1.35"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imageIdPaths")
  void describeImages_seededImageIdParameter_findsImageWithArchitecture(
      String path, String architecture, String namePrefix, String platform) {
    String amiId = ssm.getParameter(r -> r.name(path)).parameter().value();

    Image image = ec2.describeImages(r -> r.imageIds(amiId)).images().get(0);

    assertThat(image.imageId()).isEqualTo(amiId);
    assertThat(image.architecture()).isEqualTo(ArchitectureValues.fromValue(architecture));
    assertThat(image.name()).startsWith(namePrefix);
    assertThat(image.platformAsString()).isEqualTo(platform);
    assertThat(image.stateAsString()).isEqualTo("available");
  }

  static Stream<Arguments> versionPaths() {
    return Stream.of(
        Arguments.of(
            EKS + "1.32/amazon-linux-2-arm64/recommended/release_version", "1\\.32\\.\\d+-\\d{8}"),
        Arguments.of(
            EKS + "1.34/amazon-linux-2023/x86_64/neuron/recommended/release_version",
            "1\\.34\\.\\d+-\\d{8}"),
        Arguments.of(
            BOTTLEROCKET + "aws-k8s-1.33-nvidia/arm64/latest/image_version",
            "\\d+\\.\\d+\\.\\d+-[0-9a-f]{8}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versionPaths")
  void getParameter_seededVersionParameter_returnsVersion(String path, String pattern) {
    assertThat(ssm.getParameter(r -> r.name(path)).parameter().value()).matches(pattern);
  }

  private static Arguments linux(String path, String architecture, String namePrefix) {
    return Arguments.of(path, architecture, namePrefix, null);
  }

  private static Arguments windows(String name) {
    return Arguments.of(WINDOWS + name + "/image_id", X86, name + "-", "windows");
  }
}
