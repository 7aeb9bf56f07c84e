package dev.ekskit.fargate;

import java.util.Map;
import java.util.Objects;

/**
 * Which pods a Fargate profile runs: those in {@code namespace} (wildcards {@code *} and {@code ?}
 * allowed) carrying every one of {@code labels} (at most five).
 *
 * <pre>{@code
 * FargateSelector system = FargateSelector.of("kube-system");
 * FargateSelector web = FargateSelector.of("web-*", Map.of("tier", "frontend"));
 * }</pre>
 *
 * @param namespace the Kubernetes namespace, or a pattern of them
 * @param labels labels a pod must carry, empty for all pods of the namespace
 */
public record FargateSelector(String namespace, Map<String, String> labels) {
  public FargateSelector {
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(labels);
  }

  public static FargateSelector of(String namespace) {
    return new FargateSelector(namespace, Map.of());
  }

  public static FargateSelector of(String namespace, Map<String, String> labels) {
    return new FargateSelector(namespace, labels);
  }
}
