package dev.ekskit.nodes.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.nodes.AmiSource;
import dev.ekskit.nodes.NodegroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupUpdateConfig;
import software.amazon.awssdk.services.eks.model.Taint;

/**
 * Where an existing managed node group differs from its spec, field by field, and which of those
 * EKS changes in place: scaling, labels, taints and update limits ({@code UpdateNodegroupConfig}),
 * the Kubernetes version and AMI release ({@code UpdateNodegroupVersion}) and tags. Instance types,
 * capacity type, subnets, node role, AMI type, volume size and launch template need a new node
 * group. The desired size is the initial size: a cluster autoscaler owns it afterwards, so it
 * differs only when it lies outside the spec's range.
 */
public final class NodegroupReview {
  /** Fields one {@code UpdateNodegroupConfig} changes. */
  static final Set<String> CONFIG =
      Set.of(
          "minSize",
          "maxSize",
          "desiredSize",
          "labels",
          "taints",
          "maxUnavailable",
          "maxUnavailablePercentage");

  /** A pinned EKS release, {@code UpdateNodegroupVersion}'s other half. */
  static final String AMI_SOURCE = "amiSource";

  static final String TAGS = "tags";

  /** What a create fixes and an adopt therefore compares, as it always has. */
  private static final Set<String> ADOPTION =
      Set.of(
          "nodeRoleArn",
          "subnetIds",
          "instanceTypes",
          "capacityType",
          "amiType",
          "minSize",
          "maxSize",
          "labels");

  private NodegroupReview() {}

  /** Every field changed in place. */
  public static Set<String> updatable() {
    Set<String> all = new TreeSet<>(CONFIG);
    all.add(PlannedChange.KUBERNETES_VERSION);
    all.add(AMI_SOURCE);
    all.add(TAGS);
    return all;
  }

  /** The differences that keep {@code existing} from being adopted by a create. */
  public static List<FieldDifference> adoption(
      NodegroupSpec spec, String kubernetesVersion, Nodegroup existing) {
    return differences(spec, kubernetesVersion, existing, Map.of()).stream()
        .filter(d -> ADOPTION.contains(d.field()))
        .toList();
  }

  /**
   * Every difference of {@code existing} from {@code spec}. Fields the spec leaves out (subnets or
   * role a blueprint has not made yet, instance types EKS picks) are not compared.
   *
   * @param kubernetesVersion the version the nodes should run
   * @param tags tags the node group must carry; others it has are left alone
   */
  public static List<FieldDifference> differences(
      NodegroupSpec spec, String kubernetesVersion, Nodegroup existing, Map<String, String> tags) {
    List<FieldDifference> found = new ArrayList<>();
    spec.nodeRoleArn().ifPresent(role -> compare(found, "nodeRoleArn", role, existing.nodeRole()));
    if (!spec.subnetIds().isEmpty()) {
      compare(
          found, "subnetIds", new TreeSet<>(spec.subnetIds()), new TreeSet<>(existing.subnets()));
    }
    if (!spec.effectiveInstanceTypes().isEmpty()) {
      compare(found, "instanceTypes", spec.effectiveInstanceTypes(), existing.instanceTypes());
    }
    compare(found, "capacityType", spec.capacityType().toString(), existing.capacityTypeAsString());
    compare(
        found,
        "amiType",
        NodegroupMapping.amiType(spec, kubernetesVersion),
        existing.amiTypeAsString());
    spec.volumeGib().ifPresent(size -> compare(found, "volumeGib", size, existing.diskSize()));
    compareLaunchTemplate(found, spec, existing);
    compareScaling(found, spec, existing.scalingConfig());
    compare(found, "labels", new TreeMap<>(spec.labels()), new TreeMap<>(labels(existing)));
    compare(
        found, "taints", taintSet(TaintMapping.sdk(spec.taints())), taintSet(existing.taints()));
    compareUpdateLimits(found, spec, existing.updateConfig());
    // A custom AMI's version lives in its launch template, which EKS does not change.
    if (!spec.customAmi()) {
      compare(found, PlannedChange.KUBERNETES_VERSION, kubernetesVersion, existing.version());
    }
    spec.amiSource()
        .pinnedRelease()
        .ifPresent(
            release ->
                compare(
                    found,
                    AMI_SOURCE,
                    AmiSource.release(release),
                    AmiSource.release(existing.releaseVersion())));
    Map<String, String> missing = missingTags(tags, existing);
    if (!missing.isEmpty()) {
      found.add(new FieldDifference(TAGS, "+ " + missing, String.valueOf(existing.tags())));
    }
    return found;
  }

  /** The spec's range, with the live desired size moved into it when it lies outside. */
  static NodegroupScalingConfig scaling(NodegroupSpec spec, NodegroupScalingConfig live) {
    int desired = live == null ? spec.desiredSize() : live.desiredSize();
    return NodegroupScalingConfig.builder()
        .minSize(spec.minSize())
        .maxSize(spec.maxSize())
        .desiredSize(Math.max(spec.minSize(), Math.min(spec.maxSize(), desired)))
        .build();
  }

  /** The tags in {@code wanted} that {@code existing} lacks or holds with another value. */
  static Map<String, String> missingTags(Map<String, String> wanted, Nodegroup existing) {
    Map<String, String> have = Objects.requireNonNullElse(existing.tags(), Map.of());
    Map<String, String> missing = new TreeMap<>();
    wanted.forEach(
        (key, value) -> {
          if (!value.equals(have.get(key))) {
            missing.put(key, value);
          }
        });
    return missing;
  }

  static Map<String, String> labels(Nodegroup existing) {
    return Objects.requireNonNullElse(existing.labels(), Map.of());
  }

  /** A taint as Kubernetes writes it, {@code key=value:EFFECT}, for comparing sets of them. */
  static String taint(Taint taint) {
    String value = taint.value() == null ? "" : taint.value();
    return taint.key() + "=" + value + ":" + taint.effectAsString();
  }

  private static Set<String> taintSet(List<Taint> taints) {
    Set<String> set = new TreeSet<>();
    if (taints != null) {
      taints.forEach(t -> set.add(taint(t)));
    }
    return set;
  }

  private static void compareScaling(
      List<FieldDifference> found, NodegroupSpec spec, NodegroupScalingConfig live) {
    compare(found, "minSize", spec.minSize(), live.minSize());
    compare(found, "maxSize", spec.maxSize(), live.maxSize());
    if (live.desiredSize() < spec.minSize() || live.desiredSize() > spec.maxSize()) {
      found.add(
          new FieldDifference(
              "desiredSize",
              "within " + spec.minSize() + ".." + spec.maxSize(),
              String.valueOf(live.desiredSize())));
    }
  }

  private static void compareUpdateLimits(
      List<FieldDifference> found, NodegroupSpec spec, NodegroupUpdateConfig live) {
    Integer count = live == null ? null : live.maxUnavailable();
    Integer percentage = live == null ? null : live.maxUnavailablePercentage();
    spec.maxUnavailable().ifPresent(n -> compare(found, "maxUnavailable", n, count));
    spec.maxUnavailablePercentage()
        .ifPresent(n -> compare(found, "maxUnavailablePercentage", n, percentage));
  }

  private static void compareLaunchTemplate(
      List<FieldDifference> found, NodegroupSpec spec, Nodegroup existing) {
    var live = existing.launchTemplate();
    compare(
        found,
        "launchTemplateId",
        spec.launchTemplateId().orElse("none"),
        live == null || live.id() == null ? "none" : live.id());
    spec.launchTemplateVersion()
        .ifPresent(
            version ->
                compare(
                    found, "launchTemplateVersion", version, live == null ? null : live.version()));
  }

  private static void compare(
      List<FieldDifference> found, String field, Object wanted, Object actual) {
    if (!Objects.equals(wanted, actual)) {
      found.add(new FieldDifference(field, String.valueOf(wanted), String.valueOf(actual)));
    }
  }
}
