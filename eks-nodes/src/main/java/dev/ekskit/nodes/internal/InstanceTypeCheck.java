package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.InstanceTypeFacts;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * Instance types against an AMI choice, through EC2 {@code DescribeInstanceTypes}: the type exists,
 * supports the AMI's architecture, and has the accelerator the AMI has drivers for.
 */
public final class InstanceTypeCheck {
  private InstanceTypeCheck() {}

  /**
   * Blocking; throws {@code InvalidSpecException} naming each mismatching type.
   *
   * @param specType the spec the types came from, as the user built it
   * @param field the types' field in that spec
   */
  public static List<InstanceTypeFacts> check(
      Ec2Client ec2, AmiChoice choice, List<String> instanceTypes, String specType, String field) {
    Violations v = new Violations(specType);
    Map<String, InstanceTypeFacts> known;
    try {
      known =
          ec2
              .describeInstanceTypesPaginator(r -> r.instanceTypesWithStrings(instanceTypes))
              .instanceTypes()
              .stream()
              .map(InstanceTypeCheck::facts)
              .collect(Collectors.toMap(InstanceTypeFacts::instanceType, Function.identity()));
    } catch (RuntimeException e) {
      if (!AwsErrors.errorCode(e).startsWith("InvalidInstanceType")) {
        throw e;
      }
      v.add(
          field,
          "unknown",
          "EC2 does not know every type in " + instanceTypes + ": " + AwsErrors.describe(e));
      v.throwIfAny();
      return List.of();
    }
    for (int i = 0; i < instanceTypes.size(); i++) {
      String type = instanceTypes.get(i);
      InstanceTypeFacts facts = known.get(type);
      String at = field + "[" + i + "]";
      if (facts == null) {
        v.add(at, "unknown", "EC2 has no instance type '" + type + "' in this region");
        continue;
      }
      if (!facts.architectures().contains(choice.arch())) {
        v.add(
            at,
            "arch-mismatch",
            type
                + " runs "
                + names(facts.architectures())
                + ", but the AMI is "
                + choice.arch().awsName());
      }
      if (!acceleratorFits(choice, facts.accelerator())) {
        v.add(
            at,
            "accelerator-mismatch",
            type
                + " has accelerator "
                + facts.accelerator()
                + " but the AMI is built for "
                + choice.accelerator()
                + "; choose Accelerator."
                + facts.accelerator());
      }
    }
    v.throwIfAny();
    return instanceTypes.stream().map(known::get).toList();
  }

  private static boolean acceleratorFits(AmiChoice choice, Accelerator onType) {
    if (choice.family() == AmiFamily.AMAZON_LINUX_2 && choice.accelerator() != Accelerator.NONE) {
      // The one AL2 accelerated AMI carries both NVIDIA and Neuron drivers.
      return onType != Accelerator.NONE;
    }
    return choice.accelerator() == onType;
  }

  static InstanceTypeFacts facts(InstanceTypeInfo info) {
    Set<CpuArch> archs = EnumSet.noneOf(CpuArch.class);
    if (info.processorInfo() != null) {
      for (String arch : info.processorInfo().supportedArchitecturesAsStrings()) {
        for (CpuArch candidate : CpuArch.values()) {
          if (candidate.awsName().equals(arch)) {
            archs.add(candidate);
          }
        }
      }
    }
    return new InstanceTypeFacts(info.instanceTypeAsString(), archs, accelerator(info));
  }

  private static Accelerator accelerator(InstanceTypeInfo info) {
    boolean nvidia =
        info.gpuInfo() != null
            && info.gpuInfo().gpus().stream()
                .anyMatch(g -> "NVIDIA".equalsIgnoreCase(g.manufacturer()));
    if (nvidia) {
      return Accelerator.NVIDIA;
    }
    boolean neuron =
        (info.neuronInfo() != null && info.neuronInfo().hasNeuronDevices())
            || (info.inferenceAcceleratorInfo() != null
                && info.inferenceAcceleratorInfo().hasAccelerators());
    return neuron ? Accelerator.NEURON : Accelerator.NONE;
  }

  private static String names(Set<CpuArch> archs) {
    return archs.stream().map(CpuArch::awsName).collect(Collectors.joining("/"));
  }
}
