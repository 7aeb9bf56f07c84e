package dev.ekskit.nodes;

/**
 * Windows Server installation option: Core (no desktop, smaller) or Full (Desktop Experience).
 *
 * <pre>{@code
 * AmiChoice windows = AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE);
 * }</pre>
 */
public enum WindowsEdition {
  CORE("Core"),
  FULL("Full");

  private final String awsName;

  WindowsEdition(String awsName) {
    this.awsName = awsName;
  }

  /** As spelled in AMI names and SSM paths: {@code Core} or {@code Full}. */
  public String awsName() {
    return awsName;
  }
}
