package dev.ekskit.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What applying a {@link ClusterBlueprint} would do, resource by resource, in the order apply
 * works: the result of {@link Blueprints#plan(ClusterBlueprint)}, made without any mutating call.
 * As data ({@link #changes()}) and as a table ({@link #render()}), as {@code terraform plan} shows
 * it.
 *
 * <pre>{@code
 * Plan plan = kit.blueprints().plan(blueprint);
 * System.out.println(plan.render());
 * if (plan.count(PlanAction.REPLACE_REQUIRED) == 0) {
 *   kit.blueprints().apply(blueprint).join();
 * }
 * }</pre>
 *
 * @param clusterName the blueprint's cluster
 * @param kubernetesVersion the version the cluster runs once applied (EKS's default resolved)
 * @param changes one per resource, in apply order, removed parts last
 */
public record Plan(String clusterName, String kubernetesVersion, List<PlannedChange> changes) {
  public Plan {
    changes = List.copyOf(changes);
  }

  /** Whether applying changes anything. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(PlannedChange::changes);
  }

  /** How many resources apply would treat with {@code action}. */
  public long count(PlanAction action) {
    return changes.stream().filter(change -> change.action() == action).count();
  }

  /** The changes of one action, in plan order. */
  public List<PlannedChange> changes(PlanAction action) {
    return changes.stream().filter(change -> change.action() == action).toList();
  }

  /** The line for one resource, e.g. {@code find("managed node group", "general")}. */
  public Optional<PlannedChange> find(String kind, String name) {
    return changes.stream()
        .filter(change -> change.kind().equals(kind) && change.name().equals(name))
        .findFirst();
  }

  /**
   * The plan as a table, a line per resource:
   *
   * <pre>
   * Plan for cluster orders (Kubernetes 1.33): 2 to create, 1 to update, 5 unchanged
   * + create            managed node group  general   AMI type AL2023_ARM_64_STANDARD
   * ~ update            add-on              vpc-cni   version: v1.19.0-eksbuild.1 → v1.19.2-eksbuild.1
   * = no change         cluster             orders
   * </pre>
   */
  public String render() {
    int kindWidth = width(changes.stream().map(PlannedChange::kind).toList(), "kind");
    int nameWidth = width(changes.stream().map(PlannedChange::name).toList(), "name");
    StringBuilder table = new StringBuilder(summary()).append('\n');
    for (PlannedChange change : changes) {
      String line =
          String.format(
              "%s %-17s %-" + kindWidth + "s  %-" + nameWidth + "s  %s",
              change.action().sign(),
              change.action().words(),
              change.kind(),
              change.name(),
              details(change));
      table.append(line.stripTrailing()).append('\n');
    }
    return table.toString();
  }

  /** The first line of {@link #render()}: what would change, counted by action. */
  public String summary() {
    Map<PlanAction, Long> counts = new EnumMap<>(PlanAction.class);
    changes.forEach(change -> counts.merge(change.action(), 1L, Long::sum));
    String counted =
        counts.entrySet().stream()
            .map(entry -> entry.getValue() + " " + phrase(entry.getKey()))
            .collect(Collectors.joining(", "));
    return "Plan for cluster "
        + clusterName
        + " (Kubernetes "
        + kubernetesVersion
        + "): "
        + (counted.isEmpty() ? "nothing" : counted);
  }

  @Override
  public String toString() {
    return render();
  }

  private static String phrase(PlanAction action) {
    return switch (action) {
      case CREATE -> "to create";
      case UPDATE -> "to update";
      case NO_CHANGE -> "unchanged";
      case REPLACE_REQUIRED -> "to replace";
      case DELETE -> "to delete";
    };
  }

  private static String details(PlannedChange change) {
    String differences =
        change.differences().stream()
            .map(d -> d.field() + ": " + d.actual() + " → " + d.wanted())
            .collect(Collectors.joining("; "));
    if (differences.isEmpty()) {
      return change.note();
    }
    return change.note().isEmpty() ? differences : differences + " (" + change.note() + ")";
  }

  private static int width(List<String> values, String header) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }
}
