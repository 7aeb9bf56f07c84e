package dev.ekskit.core;

import java.util.List;

/**
 * ekskit refused to delete a resource: it did not make it (only what it tagged as its own is ever
 * deleted), or something that is not ekskit's to touch still holds it, such as an instance profile
 * holding a role. Nothing was changed by the refusing step; {@link #heldBy()} names what holds it.
 *
 * <pre>{@code
 * try {
 *   kit.roles().delete("orders-nodes").join();
 * } catch (DeletionRefusedException e) {
 *   e.heldBy();                                   // e.g. [legacy-workers]
 * }
 * }</pre>
 */
public class DeletionRefusedException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef resource;
  private final String reason;
  private final List<String> heldBy;

  public DeletionRefusedException(ResourceRef resource, String reason, List<String> heldBy) {
    super(resource + " not deleted: " + reason + (heldBy.isEmpty() ? "" : " " + heldBy));
    this.resource = resource;
    this.reason = reason;
    this.heldBy = List.copyOf(heldBy);
  }

  public ResourceRef resource() {
    return resource;
  }

  /** Why, in words, e.g. {@code ekskit did not create it}. */
  public String reason() {
    return reason;
  }

  /** What still holds the resource, e.g. instance profile names; empty when nothing does. */
  public List<String> heldBy() {
    return heldBy;
  }
}
