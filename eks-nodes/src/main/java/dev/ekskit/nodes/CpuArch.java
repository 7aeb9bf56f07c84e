package dev.ekskit.nodes;

/**
 * The CPU architecture of a node's AMI and instance type.
 *
 * <pre>{@code
 * AmiChoice choice = AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE);
 * }</pre>
 */
public enum CpuArch {
  X86_64("x86_64"),
  ARM64("arm64");

  private final String awsName;

  CpuArch(String awsName) {
    this.awsName = awsName;
  }

  /** The name EC2 and SSM use: {@code x86_64} or {@code arm64}. */
  public String awsName() {
    return awsName;
  }
}
