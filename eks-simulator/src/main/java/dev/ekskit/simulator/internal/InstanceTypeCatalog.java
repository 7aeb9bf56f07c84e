package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.NeuronDeviceInfo;

/**
 * The instance types the simulated EC2 knows: common general-purpose, Graviton, NVIDIA GPU and
 * Neuron types, with the architecture and accelerator facts {@code DescribeInstanceTypes} gives.
 */
final class InstanceTypeCatalog {
  private enum Accelerator {
    NONE,
    NVIDIA,
    NEURON
  }

  private static final Map<String, InstanceTypeInfo> TYPES =
      Map.ofEntries(
          type("t3.medium", "x86_64", Accelerator.NONE),
          type("t3.large", "x86_64", Accelerator.NONE),
          type("m5.large", "x86_64", Accelerator.NONE),
          type("m6i.large", "x86_64", Accelerator.NONE),
          type("m7i.large", "x86_64", Accelerator.NONE),
          type("c6i.xlarge", "x86_64", Accelerator.NONE),
          type("m7g.large", "arm64", Accelerator.NONE),
          type("c7g.xlarge", "arm64", Accelerator.NONE),
          type("t4g.medium", "arm64", Accelerator.NONE),
          type("g5.xlarge", "x86_64", Accelerator.NVIDIA),
          type("g5g.xlarge", "arm64", Accelerator.NVIDIA),
          type("inf2.xlarge", "x86_64", Accelerator.NEURON),
          type("trn1.2xlarge", "x86_64", Accelerator.NEURON));

  private InstanceTypeCatalog() {}

  /** The named types, or all when none are named; an unknown name fails as EC2 does. */
  static List<InstanceTypeInfo> describe(List<String> names) {
    if (names.isEmpty()) {
      return List.copyOf(TYPES.values());
    }
    List<String> unknown = names.stream().filter(name -> !TYPES.containsKey(name)).toList();
    if (!unknown.isEmpty()) {
      throw Errors.ec2(
          400,
          "InvalidInstanceType",
          "The following supplied instance types do not exist: " + unknown);
    }
    List<InstanceTypeInfo> found = new ArrayList<>();
    names.forEach(name -> found.add(TYPES.get(name)));
    return found;
  }

  private static Map.Entry<String, InstanceTypeInfo> type(
      String name, String arch, Accelerator accelerator) {
    var info =
        InstanceTypeInfo.builder()
            .instanceType(name)
            .processorInfo(p -> p.supportedArchitecturesWithStrings(arch));
    if (accelerator == Accelerator.NVIDIA) {
      info.gpuInfo(
          g ->
              g.gpus(GpuDeviceInfo.builder().manufacturer("NVIDIA").name("A10G").count(1).build()));
    } else if (accelerator == Accelerator.NEURON) {
      info.neuronInfo(
          n -> n.neuronDevices(NeuronDeviceInfo.builder().name("Inferentia2").count(1).build()));
    }
    return Map.entry(name, info.build());
  }
}
