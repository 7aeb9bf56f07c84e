package dev.ekskit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A create made of several AWS resources stopped partway: some exist, the rest do not. The cause is
 * the error that stopped it (often another {@link EksKitException} such as a {@link
 * ConflictException}). Once the cause is dealt with, running the create again finishes the job,
 * adopting what exists; the {@link #cleanup()} call removes it instead.
 *
 * <pre>{@code
 * try {
 *   nodegroups.selfManaged().create(spec).join();
 * } catch (PartialCreationException e) {
 *   log.warn("left behind: {}; cleanup: {}", e.existing(), e.cleanup());
 * }
 * }</pre>
 */
public class PartialCreationException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final String step;
  private final List<ResourceRef> existing;
  private final String cleanup;

  /**
   * @param resource what was being created
   * @param step the step that failed
   * @param existing the parts that exist now
   * @param cleanup the call that removes them
   * @param cause what stopped the create
   */
  public PartialCreationException(
      ResourceRef resource,
      String step,
      List<ResourceRef> existing,
      String cleanup,
      Throwable cause) {
    super(
        resource
            + ", step "
            + step
            + ": "
            + cause.getMessage()
            + ". These exist now: "
            + existing.stream().map(ResourceRef::toString).collect(Collectors.joining(", "))
            + ". Once the cause is dealt with, run the create again to finish (it adopts these), or"
            + " "
            + cleanup,
        cause);
    this.resource = resource;
    this.step = step;
    this.existing = List.copyOf(existing);
    this.cleanup = cleanup;
  }

  public ResourceRef resource() {
    return resource;
  }

  public String step() {
    return step;
  }

  /** The parts that exist, in the order they were made. */
  public List<ResourceRef> existing() {
    return existing;
  }

  /** How to remove them, e.g. {@code nodegroups.selfManaged().delete("orders", "batch")}. */
  public String cleanup() {
    return cleanup;
  }
}
