package dev.ekskit.nodes;

import java.util.Set;

/**
 * What EC2 says about an instance type that matters for choosing an AMI.
 *
 * <pre>{@code
 * List<InstanceTypeFacts> facts = amis.checkInstanceTypes(choice, List.of("m7g.large")).join();
 * Accelerator inferred = facts.get(0).accelerator();   // NONE
 * }</pre>
 *
 * @param instanceType e.g. {@code g5.xlarge}
 * @param architectures the CPU architectures it supports
 * @param accelerator {@code NVIDIA} with NVIDIA GPUs, {@code NEURON} with Inferentia/Trainium
 */
public record InstanceTypeFacts(
    String instanceType, Set<CpuArch> architectures, Accelerator accelerator) {}
