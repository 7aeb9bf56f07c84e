package dev.ekskit.core;

/**
 * The operation was stopped by {@link Operation#cancel()} or because its kit was closed. Nothing
 * was deleted: what it had created stays, and running the same operation again resumes it.
 *
 * <pre>{@code
 * Operation<ClusterInfo> creating = kit.clusters().create(spec);
 * creating.cancel();
 * try {
 *   creating.join();
 * } catch (OperationCancelledException e) {
 *   log.info("stopped at {}", e.step());
 * }
 * }</pre>
 */
public class OperationCancelledException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final String step;

  public OperationCancelledException(ResourceRef resource, String step, String why) {
    super(
        resource
            + ": "
            + why
            + " at step "
            + step
            + "; no further AWS call is made and nothing was deleted. Run the same operation again"
            + " to resume.");
    this.resource = resource;
    this.step = step;
  }

  public ResourceRef resource() {
    return resource;
  }

  /** The step that was running when the operation stopped. */
  public String step() {
    return step;
  }
}
