package dev.ekskit.nodes;

import dev.ekskit.core.EksKitException;
import java.util.Optional;

/**
 * No usable AMI: the SSM parameter does not exist, or the AMI it (or an explicit id) names does not
 * exist or is not {@code available}. The message names the parameter or AMI and the likely cause.
 *
 * <pre>{@code
 * try {
 *   amis.resolve(choice, "1.40").join();
 * } catch (AmiNotFoundException e) {
 *   log.warn("no AMI at {}", e.parameter().orElse("?"));
 * }
 * }</pre>
 */
public class AmiNotFoundException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final String parameter;
  private final String imageId;

  public AmiNotFoundException(String message, String parameter, String imageId, Throwable cause) {
    super(message, cause);
    this.parameter = parameter;
    this.imageId = imageId;
  }

  /** The SSM parameter that was looked up, if any. */
  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }

  /** The AMI id that was checked, if one was known. */
  public Optional<String> imageId() {
    return Optional.ofNullable(imageId);
  }
}
