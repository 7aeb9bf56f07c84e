package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ClusterVersions;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.Insight;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.Steps;
import dev.ekskit.core.UpgradePlan;
import dev.ekskit.core.Violation;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.internal.VersionStep;
import dev.ekskit.core.internal.versions.VersionFacts;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;

/**
 * A blueprint's upgrade: the preflight (the target is one EKS supports and not older; no upgrade
 * insight in ERROR unless forced; no node group would fall more minor versions behind than
 * Kubernetes allows), then the blueprint applied at the target version, which moves the control
 * plane one minor version at a time, then the add-ons, then the nodes.
 */
final class Upgrading {
  /** How many minor versions kubelets may lag the API server (Kubernetes 1.28 and later). */
  static final int NODE_SKEW = 3;

  private Upgrading() {}

  /** The preflight and the plan at the target, changing nothing. */
  static CompletableFuture<UpgradePlan> plan(Scope scope, BlueprintRun run, String target) {
    return scope
        .read(Steps.find("cluster"), () -> requireCluster(run))
        .thenCompose(
            cluster ->
                scope
                    .read(Steps.check("versions"), () -> versionBlockers(run, cluster, target))
                    .thenCompose(
                        blockers ->
                            scope
                                .read(
                                    "read insights",
                                    () -> VersionFacts.upgradeInsights(run.eks(), cluster.name()))
                                .thenCompose(
                                    insights ->
                                        planAtTarget(scope, run, target, blockers)
                                            .thenCompose(
                                                plan ->
                                                    scope.read(
                                                        Steps.check("node versions"),
                                                        () ->
                                                            upgradePlan(
                                                                run, cluster, target, blockers,
                                                                insights, plan))))));
  }

  /**
   * The plan at the target; none when the target itself is blocked. What the plan finds the target
   * refuses (an add-on version pinned that EKS does not offer on it) is a blocker too.
   */
  private static CompletableFuture<Plan> planAtTarget(
      Scope scope, BlueprintRun run, String target, List<Violation> blockers) {
    Plan none = new Plan(run.clusterName(), target, List.of());
    if (!blockers.isEmpty()) {
      return CompletableFuture.completedFuture(none);
    }
    return Planning.run(scope, run)
        .exceptionallyCompose(
            failure -> {
              if (AwsErrors.unwrap(failure) instanceof InvalidSpecException refused) {
                blockers.addAll(refused.violations());
                return CompletableFuture.completedFuture(none);
              }
              return CompletableFuture.failedFuture(failure);
            });
  }

  /** The upgrade: refused with every blocker before any change, else applied. */
  static CompletableFuture<AppliedBlueprint> run(Scope scope, BlueprintRun run, String target) {
    return plan(scope, run, target)
        .thenCompose(
            upgrade -> {
              if (!upgrade.canProceed()) {
                throw new InvalidSpecException("ClusterUpgrade", upgrade.blockers());
              }
              return Applying.run(scope, run, upgrade.plan());
            });
  }

  private static Cluster requireCluster(BlueprintRun run) {
    return ClusterWaits.find(run.eks(), run.clusterName())
        .orElseThrow(
            () ->
                new InvalidSpecException(
                    "ClusterUpgrade",
                    List.of(
                        new Violation(
                            "cluster.name",
                            "exists",
                            "cluster "
                                + run.clusterName()
                                + " does not exist: apply the blueprint to create it"))));
  }

  /** Mutable: planning at the target adds what it refuses. */
  private static List<Violation> versionBlockers(BlueprintRun run, Cluster cluster, String target) {
    Violations v = new Violations("ClusterUpgrade");
    if (VersionStep.minorsAhead(target, cluster.version()) < 0) {
      v.add(
          "kubernetesVersion",
          "no-downgrade",
          "the cluster runs "
              + cluster.version()
              + ", and EKS never moves a cluster back to "
              + target);
    }
    ClusterVersions versions = VersionFacts.versions(run.eks());
    if (versions.find(target).filter(version -> version.isSupported()).isEmpty()) {
      v.add(
          "kubernetesVersion",
          "supported-version",
          "EKS does not support "
              + target
              + "; it supports "
              + versions.supported().stream().map(version -> version.version()).toList());
    }
    return new ArrayList<>(v.list());
  }

  private static UpgradePlan upgradePlan(
      BlueprintRun run,
      Cluster cluster,
      String target,
      List<Violation> versionBlockers,
      List<Insight> insights,
      Plan plan) {
    List<Violation> blockers = new ArrayList<>(versionBlockers);
    List<Insight> attention = insights.stream().filter(Insight::needsAttention).toList();
    if (!run.force()) {
      attention.stream()
          .filter(insight -> insight.status() == InsightStatusValue.ERROR)
          .forEach(
              insight ->
                  blockers.add(
                      new Violation(
                          "insights[" + insight.id() + "]",
                          "insight-error",
                          insight.name()
                              + ": "
                              + insight.recommendation()
                              + " (or upgrade with ApplyOptions.force(true))")));
    }
    nodeVersions(run.eks(), run.clusterName(), plan)
        .forEach(
            (node, version) -> {
              int behind = VersionStep.minorsAhead(target, version);
              if (behind > NODE_SKEW) {
                blockers.add(
                    new Violation(
                        node,
                        "version-skew",
                        "runs Kubernetes "
                            + version
                            + ": after the control plane reaches "
                            + target
                            + " it would be "
                            + behind
                            + " minor versions behind, more than the "
                            + NODE_SKEW
                            + " Kubernetes allows; upgrade to an earlier version first"));
              }
            });
    return new UpgradePlan(
        run.clusterName(),
        cluster.version(),
        target,
        VersionStep.hops(cluster.version(), target),
        attention,
        blockers,
        plan);
  }

  /**
   * The version each node group runs: every managed node group of the cluster, and each part whose
   * plan reports its {@code kubernetesVersion}.
   */
  private static Map<String, String> nodeVersions(EksClient eks, String cluster, Plan plan) {
    Map<String, String> versions = new LinkedHashMap<>();
    AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    eks.listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream()
                        .toList()))
        .orElse(List.of())
        .forEach(
            name ->
                versions.put(
                    "managed node group " + name,
                    eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                        .nodegroup()
                        .version()));
    for (PlannedChange change : plan.changes()) {
      change.differences().stream()
          .filter(d -> d.field().equals(PlannedChange.KUBERNETES_VERSION))
          .map(FieldDifference::actual)
          .findFirst()
          .ifPresent(version -> versions.put(change.kind() + " " + change.name(), version));
    }
    return versions;
  }
}
