package dev.ekskit.core;

import java.util.Collection;
import java.util.List;

/**
 * One line of a {@link Plan}: a resource of the blueprint and what applying it would do.
 *
 * <pre>{@code
 * plan.changes().stream()
 *     .filter(change -> change.action() == PlanAction.UPDATE)
 *     .forEach(change -> log.info("{} {}: {}", change.kind(), change.name(), change.differences()));
 * }</pre>
 *
 * @param kind what the resource is, e.g. {@code "cluster"}, {@code "add-on"}, {@code "managed node
 *     group"}
 * @param name its name within the cluster (a principal's ARN for an access entry, {@code
 *     namespace/service-account} for an association)
 * @param action what apply would do
 * @param differences for {@link PlanAction#UPDATE} and {@link PlanAction#REPLACE_REQUIRED}: each
 *     field that differs, wanted against found
 * @param note what was resolved or found, e.g. the AMI or add-on version apply would use; may be
 *     empty
 */
public record PlannedChange(
    String kind, String name, PlanAction action, List<FieldDifference> differences, String note) {

  /**
   * The field of a difference in the Kubernetes version a part runs: upgrades read it to keep nodes
   * within the version skew Kubernetes allows.
   */
  public static final String KUBERNETES_VERSION = "kubernetesVersion";

  public PlannedChange {
    differences = List.copyOf(differences);
    note = note == null ? "" : note;
  }

  public static PlannedChange create(String kind, String name, String note) {
    return new PlannedChange(kind, name, PlanAction.CREATE, List.of(), note);
  }

  public static PlannedChange noChange(String kind, String name, String note) {
    return new PlannedChange(kind, name, PlanAction.NO_CHANGE, List.of(), note);
  }

  public static PlannedChange delete(String kind, String name) {
    return new PlannedChange(kind, name, PlanAction.DELETE, List.of(), "");
  }

  /**
   * UPDATE when every difference is one of {@code updatable}, REPLACE_REQUIRED when any other
   * differs, NO_CHANGE when none does.
   */
  public static PlannedChange compare(
      String kind,
      String name,
      List<FieldDifference> differences,
      Collection<String> updatable,
      String note) {
    PlanAction action =
        differences.isEmpty()
            ? PlanAction.NO_CHANGE
            : differences.stream().allMatch(d -> updatable.contains(d.field()))
                ? PlanAction.UPDATE
                : PlanAction.REPLACE_REQUIRED;
    return new PlannedChange(kind, name, action, differences, note);
  }

  /** This change with {@code action} instead, e.g. what apply did. */
  public PlannedChange withAction(PlanAction action) {
    return new PlannedChange(kind, name, action, differences, note);
  }

  /** Whether applying it changes anything. */
  public boolean changes() {
    return action != PlanAction.NO_CHANGE;
  }

  @Override
  public String toString() {
    return action.sign()
        + " "
        + kind
        + " "
        + name
        + (differences.isEmpty() ? "" : " " + differences);
  }
}
