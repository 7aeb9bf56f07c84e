package dev.ekskit.core.internal.versions;

import dev.ekskit.core.ClusterVersion;
import dev.ekskit.core.ClusterVersions;
import dev.ekskit.core.Insight;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Category;
import software.amazon.awssdk.services.eks.model.ClusterVersionInformation;
import software.amazon.awssdk.services.eks.model.DeprecationDetail;
import software.amazon.awssdk.services.eks.model.InsightStatus;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;
import software.amazon.awssdk.services.eks.model.InsightSummary;
import software.amazon.awssdk.services.eks.model.VersionStatus;

/**
 * What EKS says about Kubernetes versions ({@code DescribeClusterVersions}) and about a cluster's
 * readiness for the next one ({@code ListInsights}, {@code DescribeInsight}), as ekskit's values.
 * Blocking reads, paginated to the end.
 */
public final class VersionFacts {
  private VersionFacts() {}

  public static ClusterVersions versions(EksClient eks) {
    return new ClusterVersions(
        eks.describeClusterVersionsPaginator(r -> r.clusterType("eks")).clusterVersions().stream()
            .map(VersionFacts::version)
            .toList());
  }

  /** The cluster's upgrade-readiness insights, each described in full. */
  public static List<Insight> upgradeInsights(EksClient eks, String cluster) {
    return eks
        .listInsightsPaginator(
            r -> r.clusterName(cluster).filter(f -> f.categories(Category.UPGRADE_READINESS)))
        .insights()
        .stream()
        .map(InsightSummary::id)
        .map(id -> insight(eks, cluster, id))
        .toList();
  }

  public static Insight insight(EksClient eks, String cluster, String id) {
    var insight = eks.describeInsight(r -> r.clusterName(cluster).id(id)).insight();
    InsightStatus status = insight.insightStatus();
    List<DeprecationDetail> deprecations =
        insight.categorySpecificSummary() == null
            ? List.of()
            : insight.categorySpecificSummary().deprecationDetails();
    return new Insight(
        insight.id(),
        insight.name(),
        insight.category(),
        Objects.requireNonNullElse(insight.kubernetesVersion(), ""),
        status == null ? InsightStatusValue.UNKNOWN : status.status(),
        status == null ? "" : status.statusAsString(),
        status == null ? "" : Objects.requireNonNullElse(status.reason(), ""),
        Objects.requireNonNullElse(insight.description(), ""),
        Objects.requireNonNullElse(insight.recommendation(), ""),
        deprecations.stream().map(VersionFacts::deprecation).toList(),
        insight.additionalInfo(),
        insight.lastRefreshTime(),
        insight.lastTransitionTime());
  }

  private static Insight.Deprecation deprecation(DeprecationDetail detail) {
    return new Insight.Deprecation(
        detail.usage(),
        detail.replacedWith(),
        detail.stopServingVersion(),
        detail.startServingReplacementVersion(),
        detail.clientStats().stream()
            .map(
                c ->
                    new Insight.Client(
                        c.userAgent(), c.numberOfRequestsLast30Days(), c.lastRequestTime()))
            .toList());
  }

  private static ClusterVersion version(ClusterVersionInformation info) {
    String status =
        info.versionStatus() != null ? info.versionStatusAsString() : info.statusAsString();
    return new ClusterVersion(
        info.clusterVersion(),
        VersionStatus.fromValue(status),
        Objects.requireNonNullElse(status, ""),
        Boolean.TRUE.equals(info.defaultVersion()),
        Optional.ofNullable(info.releaseDate()),
        Optional.ofNullable(info.endOfStandardSupportDate()),
        Optional.ofNullable(info.endOfExtendedSupportDate()),
        Objects.requireNonNullElse(info.defaultPlatformVersion(), ""),
        Objects.requireNonNullElse(info.kubernetesPatchVersion(), ""));
  }
}
