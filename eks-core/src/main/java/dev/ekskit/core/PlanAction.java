package dev.ekskit.core;

/**
 * What applying a blueprint would do to one resource; see {@link Plan}.
 *
 * <pre>{@code
 * boolean safe = plan.changes().stream()
 *     .noneMatch(change -> change.action() == PlanAction.REPLACE_REQUIRED);
 * }</pre>
 */
public enum PlanAction {
  /** It does not exist yet: apply creates it. */
  CREATE,
  /** It exists and differs in fields AWS changes in place: apply updates them. */
  UPDATE,
  /** It exists and matches the blueprint. */
  NO_CHANGE,
  /**
   * It exists and differs in fields AWS cannot change (a node group's instance types, a Fargate
   * profile's selectors): apply refuses unless {@link ApplyOptions#allowReplacement()}, and then
   * deletes and creates it again.
   */
  REPLACE_REQUIRED,
  /** It was removed from the blueprint and carries the blueprint's tag: apply deletes it. */
  DELETE;

  /** The sign plans print before the line, as {@code terraform plan} does. */
  public String sign() {
    return switch (this) {
      case CREATE -> "+";
      case UPDATE -> "~";
      case NO_CHANGE -> "=";
      case REPLACE_REQUIRED -> "!";
      case DELETE -> "-";
    };
  }

  /** The action in words, e.g. {@code "replace required"}. */
  public String words() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
