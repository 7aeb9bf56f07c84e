package dev.ekskit.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.ArchitectureValues;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;

/**
 * The SSM public parameters AWS publishes for EKS-optimized AMIs, and the AMIs they name, for the
 * families and versions the moto launcher seeds too: Amazon Linux 2 up to 1.32, Amazon Linux 2023
 * and Bottlerocket (plain, NVIDIA, FIPS) 1.29–1.35, Windows Server 2019/2022 Core and Full
 * 1.29–1.35 and 2025 from 1.35. AMI ids are derived from the parameter path, so they repeat.
 */
final class PublicAmis {
  private static final List<String> AL2_VERSIONS = List.of("1.29", "1.30", "1.31", "1.32");
  private static final List<String> CURRENT =
      List.of("1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35");
  private static final String AMI_DATE = "20251101";
  private static final String BOTTLEROCKET_VERSION = "1.49.0-713f44ce";
  static final PublicAmis INSTANCE = new PublicAmis();

  private final Map<String, String> parameters = new HashMap<>();
  private final Map<String, Image> images = new HashMap<>();

  private PublicAmis() {
    Map<String, String[]> al2 =
        Map.of(
            "",
            new String[] {"x86_64", "node"},
            "-arm64",
            new String[] {"arm64", "arm64-node"},
            "-gpu",
            new String[] {"x86_64", "gpu-node"});
    for (String k8s : AL2_VERSIONS) {
      al2.forEach(
          (suffix, kind) -> {
            String base =
                "/aws/service/eks/optimized-ami/"
                    + k8s
                    + "/amazon-linux-2"
                    + suffix
                    + "/recommended";
            add(base + "/image_id", kind[0], "amazon-eks-" + kind[1] + "-" + k8s + "-v" + AMI_DATE);
            parameters.put(base + "/release_version", k8s + ".0-" + AMI_DATE);
          });
    }
    for (String k8s : CURRENT) {
      for (String arch : List.of("x86_64", "arm64")) {
        for (String kind :
            arch.equals("arm64")
                ? List.of("standard", "nvidia")
                : List.of("standard", "nvidia", "neuron")) {
          String base =
              "/aws/service/eks/optimized-ami/"
                  + k8s
                  + "/amazon-linux-2023/"
                  + arch
                  + "/"
                  + kind
                  + "/recommended";
          add(
              base + "/image_id",
              arch,
              "amazon-eks-node-al2023-" + arch + "-" + kind + "-" + k8s + "-v" + AMI_DATE);
          parameters.put(base + "/release_version", k8s + ".0-" + AMI_DATE);
        }
        for (String flavor : List.of("", "-nvidia", "-fips", "-nvidia-fips")) {
          String base =
              "/aws/service/bottlerocket/aws-k8s-" + k8s + flavor + "/" + arch + "/latest";
          add(
              base + "/image_id",
              arch,
              "bottlerocket-aws-k8s-" + k8s + flavor + "-" + arch + "-v" + BOTTLEROCKET_VERSION);
          parameters.put(base + "/image_version", BOTTLEROCKET_VERSION);
        }
      }
      for (String windows :
          k8s.equals("1.35") ? List.of("2019", "2022", "2025") : List.of("2019", "2022")) {
        for (String edition : List.of("Core", "Full")) {
          String name =
              "Windows_Server-" + windows + "-English-" + edition + "-EKS_Optimized-" + k8s;
          add(
              "/aws/service/ami-windows-latest/" + name + "/image_id",
              "x86_64",
              name + "-2025.11.12");
        }
      }
    }
  }

  private void add(String path, String arch, String name) {
    String id = imageId(path);
    parameters.put(path, id);
    images.put(
        id,
        Image.builder()
            .imageId(id)
            .name(name)
            .architecture(ArchitectureValues.fromValue(arch))
            .state(ImageState.AVAILABLE)
            .imageType("machine")
            .rootDeviceType("ebs")
            .build());
  }

  static String imageId(String path) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return "ami-" + HexFormat.of().formatHex(hash).substring(0, 17);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  String parameter(String name) {
    return parameters.get(name);
  }

  Image image(String imageId) {
    return images.get(imageId);
  }
}
