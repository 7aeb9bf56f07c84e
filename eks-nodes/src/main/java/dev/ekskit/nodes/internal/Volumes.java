package dev.ekskit.nodes.internal;

import dev.ekskit.nodes.AmiFamily;
import java.util.Optional;

/**
 * Where each AMI family keeps its volumes: Amazon Linux boots from {@code /dev/xvda}, Windows from
 * {@code /dev/sda1}; Bottlerocket keeps its OS on {@code /dev/xvda} and images and pods on {@code
 * /dev/xvdb}.
 *
 * @param data the volume that holds images and pods, sized by the spec
 * @param os a separate OS volume, kept at the image's size
 */
record Volumes(String data, Optional<String> os) {
  static Volumes of(AmiFamily family) {
    return switch (family) {
      case AMAZON_LINUX_2, AMAZON_LINUX_2023 -> new Volumes("/dev/xvda", Optional.empty());
      case BOTTLEROCKET -> new Volumes("/dev/xvdb", Optional.of("/dev/xvda"));
      case WINDOWS_SERVER_2019, WINDOWS_SERVER_2022, WINDOWS_SERVER_2025 ->
          new Volumes("/dev/sda1", Optional.empty());
    };
  }
}
