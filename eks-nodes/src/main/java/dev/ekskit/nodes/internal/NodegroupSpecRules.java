package dev.ekskit.nodes.internal;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.NodegroupSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@link NodegroupSpec} that need no AWS call; EKS's own limits, checked up front. */
public final class NodegroupSpecRules {
  static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z0-9-]+\\.[a-z0-9-]+");
  static final Pattern LAUNCH_TEMPLATE_ID = Pattern.compile("lt-[0-9a-f]{8,17}");
  private static final int MAX_INSTANCE_TYPES = 20;
  private static final int MAX_TAINTS = 50;
  private static final int MAX_DISK_GIB = 16_384;

  private NodegroupSpecRules() {}

  public static void check(NodegroupSpec spec) {
    Violations v = new Violations("NodegroupSpec");
    v.eksName("clusterName", spec.clusterName(), 100);
    v.eksName("name", spec.name(), 63);
    // Empty only in a blueprint, which supplies them; create() requires them on its own.
    v.subnetIds("subnetIds", spec.subnetIds(), 0, 16);
    spec.nodeRoleArn().ifPresent(arn -> v.roleArn("nodeRoleArn", arn));
    v.ids(
        "instanceTypes",
        spec.instanceTypes(),
        INSTANCE_TYPE,
        "an instance type such as m7g.large",
        0,
        MAX_INSTANCE_TYPES);
    scaling(v, spec.minSize(), spec.desiredSize(), spec.maxSize());
    spec.diskSizeGib()
        .ifPresent(
            size -> {
              if (size < 1 || size > MAX_DISK_GIB) {
                v.add("diskSizeGib", "range", "must be 1 to " + MAX_DISK_GIB + ", was " + size);
              }
              if (spec.launchTemplateId().isPresent()) {
                v.add(
                    "diskSizeGib",
                    "launch-template",
                    "set the disk size in the launch template; EKS refuses both");
              }
            });
    if (spec.taints().size() > MAX_TAINTS) {
      v.add("taints", "max-size", "allows at most " + MAX_TAINTS + ", has " + spec.taints().size());
    }
    for (int i = 0; i < spec.taints().size(); i++) {
      var taint = spec.taints().get(i);
      if (taint.key() == null || taint.key().isEmpty() || taint.effect() == null) {
        v.add("taints[" + i + "]", "required", "needs a key and an effect");
      }
    }
    updateLimits(v, spec);
    spec.launchTemplateId()
        .ifPresent(
            id -> v.matches("launchTemplateId", id, LAUNCH_TEMPLATE_ID, "a launch template id"));
    if (spec.customAmi() && spec.launchTemplateId().isEmpty()) {
      v.add("customAmi", "requires", "needs launchTemplateId: the AMI id lives in the template");
    }
    if (spec.customAmi() && spec.releaseVersion().isPresent()) {
      v.add("releaseVersion", "custom-ami", "a custom AMI has no EKS release; change the template");
    }
    if (spec.launchTemplateVersion().isPresent() && spec.launchTemplateId().isEmpty()) {
      v.add("launchTemplateVersion", "requires", "needs launchTemplateId");
    }
    amiVersion(v, spec.ami(), spec.kubernetesVersion());
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  /** The AMI family's version guard, its violations named as fields of a node group spec. */
  public static void amiVersion(Violations v, AmiChoice ami, Optional<String> kubernetesVersion) {
    kubernetesVersion.ifPresent(
        version -> {
          try {
            AmiCatalog.checkVersion(ami, version);
          } catch (InvalidSpecException e) {
            e.violations()
                .forEach(
                    found ->
                        v.add(
                            found.field().equals("kubernetesVersion")
                                ? "kubernetesVersion"
                                : "ami." + found.field(),
                            found.rule(),
                            found.message()));
          }
        });
  }

  /** {@code 0 <= minSize <= desiredSize <= maxSize} and {@code maxSize >= 1}. */
  public static void scaling(Violations v, int minSize, int desiredSize, int maxSize) {
    if (minSize < 0) {
      v.add("minSize", "range", "must be at least 0, was " + minSize);
    }
    if (maxSize < 1) {
      v.add("maxSize", "range", "must be at least 1, was " + maxSize);
    }
    if (desiredSize < minSize || desiredSize > maxSize) {
      v.add(
          "desiredSize",
          "between-min-and-max",
          "needs minSize <= desiredSize <= maxSize, was "
              + minSize
              + " <= "
              + desiredSize
              + " <= "
              + maxSize);
    }
  }

  private static void updateLimits(Violations v, NodegroupSpec spec) {
    if (spec.maxUnavailable().isPresent() && spec.maxUnavailablePercentage().isPresent()) {
      v.add("maxUnavailable", "one-of", "set maxUnavailable or maxUnavailablePercentage, not both");
    }
    spec.maxUnavailable()
        .filter(n -> n < 1 || n > 100)
        .ifPresent(n -> v.add("maxUnavailable", "range", "must be 1 to 100, was " + n));
    spec.maxUnavailablePercentage()
        .filter(n -> n < 1 || n > 100)
        .ifPresent(n -> v.add("maxUnavailablePercentage", "range", "must be 1 to 100, was " + n));
  }
}
