package dev.ekskit.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.Category;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;

/**
 * One of EKS's cluster insights, e.g. whether the cluster still calls APIs the next Kubernetes
 * version removes. Read them before an upgrade with {@link Clusters#upgradeInsights(String)}.
 *
 * <pre>{@code
 * for (Insight insight : kit.clusters().upgradeInsights("orders")) {
 *   if (insight.status() == InsightStatusValue.ERROR) {
 *     insight.deprecations().forEach(d -> log.warn("{} is removed in {}", d.usage(), d.stopServingVersion()));
 *   }
 * }
 * }</pre>
 *
 * @param id EKS's id of the insight
 * @param name e.g. {@code Deprecated APIs removed in Kubernetes v1.34}
 * @param category e.g. {@code UPGRADE_READINESS}
 * @param kubernetesVersion the version the insight is about, e.g. the next minor version
 * @param status {@code PASSING}, {@code WARNING}, {@code ERROR} or {@code UNKNOWN}
 * @param statusAsString the status as EKS wrote it, for values newer than this SDK
 * @param reason why it has that status
 * @param description what it checks
 * @param recommendation what to do; empty in a summary
 * @param deprecations the deprecated APIs still in use, for a deprecated-API insight
 * @param additionalInfo links and notes EKS adds
 * @param lastRefreshTime when EKS last checked
 * @param lastTransitionTime when the status last changed
 */
public record Insight(
    String id,
    String name,
    Category category,
    String kubernetesVersion,
    InsightStatusValue status,
    String statusAsString,
    String reason,
    String description,
    String recommendation,
    List<Deprecation> deprecations,
    Map<String, String> additionalInfo,
    Instant lastRefreshTime,
    Instant lastTransitionTime) {

  public Insight {
    deprecations = List.copyOf(deprecations);
    additionalInfo = Map.copyOf(additionalInfo);
  }

  /** Whether the upgrade it is about should wait: ERROR, or WARNING. */
  public boolean needsAttention() {
    return status == InsightStatusValue.ERROR || status == InsightStatusValue.WARNING;
  }

  /**
   * A deprecated API the cluster still receives calls for.
   *
   * @param usage the API, e.g. {@code /apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas}
   * @param replacedWith the API to use instead
   * @param stopServingVersion the Kubernetes version that removes it
   * @param startServingReplacementVersion the version that introduced the replacement
   * @param clients who called it lately
   */
  public record Deprecation(
      String usage,
      String replacedWith,
      String stopServingVersion,
      String startServingReplacementVersion,
      List<Client> clients) {
    public Deprecation {
      clients = List.copyOf(clients);
    }
  }

  /**
   * A client that called a deprecated API.
   *
   * @param userAgent e.g. {@code kube-controller-manager/v1.33.0}
   * @param requestsLast30Days how often, if EKS says
   * @param lastRequestTime when last
   */
  public record Client(String userAgent, Integer requestsLast30Days, Instant lastRequestTime) {}
}
