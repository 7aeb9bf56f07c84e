package dev.ekskit.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.eks.model.Category;
import software.amazon.awssdk.services.eks.model.ClientStat;
import software.amazon.awssdk.services.eks.model.DeprecationDetail;
import software.amazon.awssdk.services.eks.model.Insight;
import software.amazon.awssdk.services.eks.model.InsightCategorySpecificSummary;
import software.amazon.awssdk.services.eks.model.InsightStatus;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;
import software.amazon.awssdk.services.eks.model.InsightSummary;
import software.amazon.awssdk.services.eks.model.InsightsFilter;
import software.amazon.awssdk.services.eks.model.ListInsightsRequest;
import software.amazon.awssdk.services.eks.model.ListInsightsResponse;

/**
 * The insights EKS keeps for each cluster, seeded from its Kubernetes version: the
 * upgrade-readiness checks for the next minor version (deprecated APIs, kubelet skew, add-on
 * compatibility, health, Amazon Linux 2) and one misconfiguration check, all PASSING unless a test
 * made the deprecated-API check report WARNING or ERROR ({@code Faults.upgradeInsight}), with
 * deprecation details then.
 */
final class InsightStore {
  static final String DEPRECATED_APIS = "Deprecated APIs removed in Kubernetes v";

  private record Seed(String name, Category category, String description, String recommendation) {}

  private final EksContext context;

  InsightStore(EksContext context) {
    this.context = context;
  }

  ListInsightsResponse list(ListInsightsRequest request, ClusterState cluster) {
    InsightsFilter filter = request.filter();
    List<InsightSummary> matching =
        seeds(cluster).stream()
            .map(seed -> summary(cluster, seed))
            .filter(i -> filter == null || matches(filter, i))
            .toList();
    Page<InsightSummary> page = Page.of(matching, request.maxResults(), request.nextToken());
    return ListInsightsResponse.builder()
        .insights(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  Insight describe(ClusterState cluster, String id) {
    Seed seed =
        seeds(cluster).stream()
            .filter(s -> id(cluster, s).equals(id))
            .findFirst()
            .orElseThrow(() -> Errors.notFound("No insight found for id: " + id));
    InsightSummary summary = summary(cluster, seed);
    Insight.Builder insight =
        Insight.builder()
            .id(summary.id())
            .name(summary.name())
            .category(summary.category())
            .kubernetesVersion(summary.kubernetesVersion())
            .lastRefreshTime(summary.lastRefreshTime())
            .lastTransitionTime(summary.lastTransitionTime())
            .description(summary.description())
            .insightStatus(summary.insightStatus())
            .recommendation(seed.recommendation());
    if (seed.name().startsWith(DEPRECATED_APIS)
        && summary.insightStatus().status() != InsightStatusValue.PASSING) {
      insight.categorySpecificSummary(
          InsightCategorySpecificSummary.builder()
              .deprecationDetails(deprecation(cluster))
              .build());
    }
    return insight.build();
  }

  private InsightSummary summary(ClusterState cluster, Seed seed) {
    InsightStatusValue status =
        seed.name().startsWith(DEPRECATED_APIS)
            ? context.faults().insightStatus(cluster.name).orElse(InsightStatusValue.PASSING)
            : InsightStatusValue.PASSING;
    return InsightSummary.builder()
        .id(id(cluster, seed))
        .name(seed.name())
        .category(seed.category())
        .kubernetesVersion(KubernetesVersions.nextMinor(cluster.version))
        .lastRefreshTime(context.now())
        .lastTransitionTime(cluster.lifecycle.createdAt())
        .description(seed.description())
        .insightStatus(
            InsightStatus.builder().status(status).reason(reason(status, cluster.version)).build())
        .build();
  }

  private static boolean matches(InsightsFilter filter, InsightSummary insight) {
    return (!filter.hasCategories() || filter.categories().contains(insight.category()))
        && (!filter.hasStatuses() || filter.statuses().contains(insight.insightStatus().status()))
        && (!filter.hasKubernetesVersions()
            || filter.kubernetesVersions().contains(insight.kubernetesVersion()));
  }

  private static String reason(InsightStatusValue status, String version) {
    return switch (status) {
      case ERROR ->
          "Deprecated API usage detected within last 1 day and your cluster is on Kubernetes v"
              + version
              + ".";
      case WARNING -> "Deprecated API usage detected within last 30 days.";
      default -> "No issue detected.";
    };
  }

  private DeprecationDetail deprecation(ClusterState cluster) {
    return DeprecationDetail.builder()
        .usage("/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas")
        .replacedWith("/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas")
        .stopServingVersion(KubernetesVersions.nextMinor(cluster.version))
        .startServingReplacementVersion("1.29")
        .clientStats(
            ClientStat.builder()
                .userAgent("kube-controller-manager/v" + cluster.version + ".0 (linux/amd64)")
                .numberOfRequestsLast30Days(1_240)
                .lastRequestTime(context.now().minus(Duration.ofHours(1)))
                .build())
        .build();
  }

  private static List<Seed> seeds(ClusterState cluster) {
    String next = KubernetesVersions.nextMinor(cluster.version);
    Category upgrade = Category.UPGRADE_READINESS;
    return List.of(
        new Seed(
            DEPRECATED_APIS + next,
            upgrade,
            "Checks for usage of deprecated APIs that are scheduled for removal in Kubernetes v"
                + next
                + ".",
            "Update manifests and API clients to use newer Kubernetes APIs before upgrading to"
                + " Kubernetes v"
                + next
                + "."),
        new Seed(
            "Kubelet version skew",
            upgrade,
            "Checks for kubelet versions of worker nodes in the cluster to see if upgrade would"
                + " cause non compliance with supported Kubernetes kubelet version skew policy.",
            "Upgrade your worker nodes to match the Kubernetes version of your cluster control"
                + " plane."),
        new Seed(
            "EKS add-on version compatibility",
            upgrade,
            "Checks version of installed EKS add-ons to ensure they are compatible with the next"
                + " version of Kubernetes.",
            "Upgrade your EKS add-on to a version compatible with the next Kubernetes version."),
        new Seed(
            "Cluster health issues",
            upgrade,
            "Checks for any cluster health issues that prevent successful upgrade to the next"
                + " Kubernetes version on EKS.",
            "Refer to the troubleshooting guide of each health issue."),
        new Seed(
            "Amazon Linux 2 compatibility",
            upgrade,
            "Checks if any nodes in the cluster are running Amazon Linux 2, which EKS no longer"
                + " publishes AMIs for from Kubernetes 1.33.",
            "Move your nodes to Amazon Linux 2023 or Bottlerocket."),
        new Seed(
            "Hybrid nodes remote network configuration",
            Category.MISCONFIGURATION,
            "Checks that the remote node and pod networks of hybrid nodes are routable.",
            "Configure the remote networks of the cluster to match your on-premises ranges."));
  }

  private static String id(ClusterState cluster, Seed seed) {
    return UUID.nameUUIDFromBytes(
            (cluster.arn + "|" + seed.name()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
