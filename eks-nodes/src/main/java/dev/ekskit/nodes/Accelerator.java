package dev.ekskit.nodes;

/**
 * The accelerator an AMI variant carries drivers for.
 *
 * <pre>{@code
 * AmiChoice gpu = AmiChoice.al2023(CpuArch.X86_64, Accelerator.NVIDIA);
 * }</pre>
 */
public enum Accelerator {
  /** No accelerator drivers: the standard AMI. */
  NONE,
  /** NVIDIA GPU drivers (g*, p* instance types). */
  NVIDIA,
  /** AWS Neuron drivers (inf*, trn* instance types); x86_64 only. */
  NEURON
}
