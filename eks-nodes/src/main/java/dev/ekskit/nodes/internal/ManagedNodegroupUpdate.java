package dev.ekskit.nodes.internal;

import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.nodes.NodegroupSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupUpdateConfig;
import software.amazon.awssdk.services.eks.model.Taint;
import software.amazon.awssdk.services.eks.model.UpdateLabelsPayload;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupVersionRequest;
import software.amazon.awssdk.services.eks.model.UpdateTaintsPayload;

/**
 * Brings an existing managed node group to its spec in place: waits until it is ACTIVE (a change of
 * an earlier run may still be going on), then, from what it finds then, one {@code
 * UpdateNodegroupConfig} for scaling, labels, taints and update limits, one {@code
 * UpdateNodegroupVersion} for the Kubernetes version and AMI release, and the missing tags, each
 * only when something differs. So a run stopped anywhere does only what is left when run again.
 */
public final class ManagedNodegroupUpdate {
  private final Scope scope;
  private final EksClient eks;
  private final NodegroupSpec spec;
  private final String version;
  private final Map<String, String> tags;
  private final boolean force;
  private final WaitKind configWait;
  private final WaitKind versionWait;

  /**
   * @param spec the complete spec, at the version the nodes should run, with the tags the group
   *     must carry
   * @param force whether a version update goes on despite pods it cannot evict
   */
  public ManagedNodegroupUpdate(
      Scope scope,
      EksClient eks,
      NodegroupSpec spec,
      boolean force,
      WaitKind configWait,
      WaitKind versionWait) {
    this.scope = scope;
    this.eks = eks;
    this.spec = spec;
    this.version = spec.kubernetesVersion().orElseThrow();
    this.tags = spec.tags();
    this.force = force;
    this.configWait = configWait;
    this.versionWait = versionWait;
  }

  public CompletableFuture<Nodegroup> run() {
    // Long enough for a version update an earlier run started; looks at once.
    var policy = scope.policy(versionWait).withFirstCheck(Duration.ZERO);
    return NodegroupWaits.active(scope, eks, spec.clusterName(), spec.name(), policy)
        .thenCompose(
            active -> {
              Set<String> fields = new HashSet<>();
              NodegroupReview.differences(spec, version, active, tags)
                  .forEach(d -> fields.add(d.field()));
              return config(active, fields)
                  .thenCompose(done -> version(fields))
                  .thenCompose(done -> tag(active, fields));
            })
        .thenCompose(
            done ->
                scope.call(
                    Steps.DESCRIBE,
                    () ->
                        eks.describeNodegroup(
                                r -> r.clusterName(spec.clusterName()).nodegroupName(spec.name()))
                            .nodegroup()));
  }

  private CompletableFuture<?> config(Nodegroup live, Set<String> fields) {
    if (fields.stream().noneMatch(NodegroupReview.CONFIG::contains)) {
      return CompletableFuture.completedFuture(null);
    }
    return NodegroupUpdating.run(
        scope,
        eks,
        spec.clusterName(),
        spec.name(),
        "update config",
        configWait,
        token -> eks.updateNodegroupConfig(configRequest(live, fields, token)).update());
  }

  private CompletableFuture<?> version(Set<String> fields) {
    if (!fields.contains(PlannedChange.KUBERNETES_VERSION)
        && !fields.contains(NodegroupReview.AMI_SOURCE)) {
      return CompletableFuture.completedFuture(null);
    }
    return NodegroupUpdating.run(
        scope,
        eks,
        spec.clusterName(),
        spec.name(),
        "update version",
        versionWait,
        token -> eks.updateNodegroupVersion(versionRequest(token)).update());
  }

  private CompletableFuture<?> tag(Nodegroup live, Set<String> fields) {
    if (!fields.contains(NodegroupReview.TAGS)) {
      return CompletableFuture.completedFuture(null);
    }
    Map<String, String> missing = NodegroupReview.missingTags(tags, live);
    return scope.call(
        "tag", () -> eks.tagResource(r -> r.resourceArn(live.nodegroupArn()).tags(missing)));
  }

  /** Only what differs, so that a labels change leaves the scaling EKS has alone. */
  private UpdateNodegroupConfigRequest configRequest(
      Nodegroup live, Set<String> fields, String token) {
    var request =
        UpdateNodegroupConfigRequest.builder()
            .clusterName(spec.clusterName())
            .nodegroupName(spec.name())
            .clientRequestToken(token);
    if (fields.contains("minSize")
        || fields.contains("maxSize")
        || fields.contains("desiredSize")) {
      request.scalingConfig(NodegroupReview.scaling(spec, live.scalingConfig()));
    }
    if (fields.contains("labels")) {
      request.labels(labels(NodegroupReview.labels(live)));
    }
    if (fields.contains("taints")) {
      request.taints(taints(live.taints()));
    }
    if (fields.contains("maxUnavailable") || fields.contains("maxUnavailablePercentage")) {
      request.updateConfig(
          NodegroupUpdateConfig.builder()
              .maxUnavailable(spec.maxUnavailable().orElse(null))
              .maxUnavailablePercentage(spec.maxUnavailablePercentage().orElse(null))
              .build());
    }
    return request.build();
  }

  private UpdateNodegroupVersionRequest versionRequest(String token) {
    var request =
        UpdateNodegroupVersionRequest.builder()
            .clusterName(spec.clusterName())
            .nodegroupName(spec.name())
            .version(version)
            .force(force)
            .clientRequestToken(token);
    spec.amiSource().pinnedRelease().ifPresent(request::releaseVersion);
    return request.build();
  }

  private UpdateLabelsPayload labels(Map<String, String> live) {
    var payload = UpdateLabelsPayload.builder();
    Map<String, String> changed = new TreeMap<>();
    spec.labels()
        .forEach(
            (key, value) -> {
              if (!value.equals(live.get(key))) {
                changed.put(key, value);
              }
            });
    List<String> removed =
        live.keySet().stream().filter(key -> !spec.labels().containsKey(key)).sorted().toList();
    if (!changed.isEmpty()) {
      payload.addOrUpdateLabels(changed);
    }
    if (!removed.isEmpty()) {
      payload.removeLabels(removed);
    }
    return payload.build();
  }

  /**
   * Kubernetes knows a taint by its key and effect: those the spec no longer has are removed, the
   * spec's that are new or carry another value are added or updated.
   */
  private UpdateTaintsPayload taints(List<Taint> live) {
    List<Taint> specified = TaintMapping.sdk(spec.taints());
    Set<String> wanted = new HashSet<>();
    specified.forEach(t -> wanted.add(t.key() + ":" + t.effectAsString()));
    Set<String> have = new HashSet<>();
    live.forEach(t -> have.add(NodegroupReview.taint(t)));
    List<Taint> added =
        specified.stream().filter(t -> !have.contains(NodegroupReview.taint(t))).toList();
    List<Taint> removed =
        live.stream().filter(t -> !wanted.contains(t.key() + ":" + t.effectAsString())).toList();
    var payload = UpdateTaintsPayload.builder();
    if (!added.isEmpty()) {
      payload.addOrUpdateTaints(added);
    }
    if (!removed.isEmpty()) {
      payload.removeTaints(removed);
    }
    return payload.build();
  }
}
