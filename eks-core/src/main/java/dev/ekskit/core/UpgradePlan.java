package dev.ekskit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link Blueprints#upgrade(ClusterBlueprint, String, ApplyOptions)} would do, found without
 * any change: the preflight's findings and the steps, in order. The control plane moves one minor
 * version at a time, then add-ons go to the versions their specs mean on the new version (the
 * default one unless pinned), then node groups follow.
 *
 * <pre>{@code
 * UpgradePlan upgrade = kit.blueprints().planUpgrade(blueprint, "1.34");
 * System.out.println(upgrade.render());
 * if (upgrade.blockers().isEmpty()) {
 *   kit.blueprints().upgrade(blueprint, "1.34", ApplyOptions.defaults()).join();
 * }
 * }</pre>
 *
 * @param clusterName the cluster
 * @param fromVersion the version it runs
 * @param toVersion the target
 * @param controlPlaneHops the versions the control plane goes through, e.g. {@code [1.33, 1.34]}
 * @param insights EKS's upgrade-readiness insights for the cluster that need attention (WARNING or
 *     ERROR)
 * @param blockers what stops the upgrade: an unsupported target, insights in ERROR (unless forced),
 *     node groups that would fall further behind than Kubernetes allows
 * @param plan every resource's change at the target version
 */
public record UpgradePlan(
    String clusterName,
    String fromVersion,
    String toVersion,
    List<String> controlPlaneHops,
    List<Insight> insights,
    List<Violation> blockers,
    Plan plan) {

  public UpgradePlan {
    controlPlaneHops = List.copyOf(controlPlaneHops);
    insights = List.copyOf(insights);
    blockers = List.copyOf(blockers);
  }

  /** Whether the upgrade may go on. */
  public boolean canProceed() {
    return blockers.isEmpty();
  }

  /** The findings and steps as text, the plan's table last. */
  public String render() {
    StringBuilder text =
        new StringBuilder("Upgrade of cluster ")
            .append(clusterName)
            .append(" from ")
            .append(fromVersion)
            .append(" to ")
            .append(toVersion)
            .append('\n');
    text.append(
        controlPlaneHops.isEmpty()
            ? "  control plane: already at " + toVersion + "\n"
            : "  control plane: "
                + fromVersion
                + " → "
                + String.join(" → ", controlPlaneHops)
                + "\n");
    insights.forEach(
        insight ->
            text.append("  insight ")
                .append(insight.statusAsString())
                .append(": ")
                .append(insight.name())
                .append('\n'));
    text.append(
        blockers.isEmpty()
            ? "  no blockers\n"
            : blockers.stream()
                .map(blocker -> "  BLOCKED " + blocker)
                .collect(Collectors.joining("\n", "", "\n")));
    return text.append(plan.render()).toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
