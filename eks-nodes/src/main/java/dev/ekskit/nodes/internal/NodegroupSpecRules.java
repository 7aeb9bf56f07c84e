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

  /** EKS takes taint keys of at most 63 characters, prefix included. */
  private static final int MAX_EKS_TAINT_KEY = 63;

  private NodegroupSpecRules() {}

  public static void check(NodegroupSpec spec) {
    Violations v = new Violations("NodegroupSpec");
    v.eksName("clusterName", spec.clusterName(), 100);
    v.eksName("name", spec.name(), 63);
    // Empty only in a blueprint, which supplies them; create() requires them on its own.
    v.subnetIds("subnetIds", spec.subnetIds(), 0, 16);
    spec.nodeRoleArn().ifPresent(arn -> v.roleArn("nodeRoleArn", arn));
    InstanceTypeRules.check(v, spec.ami(), spec.instanceTypes());
    scaling(v, spec.minSize(), spec.desiredSize(), spec.maxSize());
    VolumeRules.check(v, spec.ami(), spec.volumeGib());
    if (spec.volumeGib().isPresent() && spec.launchTemplateId().isPresent()) {
      v.add(
          "volumeGib",
          "launch-template",
          "set the volume size in the launch template; EKS refuses both");
    }
    taints(v, spec);
    updateLimits(v, spec);
    spec.launchTemplateId()
        .ifPresent(
            id -> v.matches("launchTemplateId", id, LAUNCH_TEMPLATE_ID, "a launch template id"));
    if (spec.customAmi() && spec.launchTemplateId().isEmpty()) {
      v.add("customAmi", "requires", "needs launchTemplateId: the AMI id lives in the template");
    }
    amiSource(v, spec);
    if (spec.launchTemplateVersion().isPresent() && spec.launchTemplateId().isEmpty()) {
      v.add("launchTemplateVersion", "requires", "needs launchTemplateId");
    }
    amiVersion(v, spec.ami(), spec.kubernetesVersion());
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  /** Kubernetes' rules for the list, and EKS's shorter limit on a key. */
  private static void taints(Violations v, NodegroupSpec spec) {
    TaintRules.list(v, "taints", spec.taints());
    for (int i = 0; i < spec.taints().size(); i++) {
      String key = spec.taints().get(i).key();
      if (key.length() > MAX_EKS_TAINT_KEY) {
        v.add(
            "taints[" + i + "].key",
            "max-length",
            "EKS takes keys of at most " + MAX_EKS_TAINT_KEY + " characters, has " + key.length());
      }
    }
  }

  /**
   * EKS runs its own releases on a managed group: an image of your own only through a launch
   * template that names it, and no EKS release for such an image.
   */
  private static void amiSource(Violations v, NodegroupSpec spec) {
    spec.amiSource()
        .pinnedImageId()
        .ifPresent(
            id -> {
              v.matches("amiSource.imageId", id, AmiResolution.IMAGE_ID, "an AMI id");
              if (!spec.customAmi()) {
                v.add(
                    "amiSource",
                    "custom-ami-only",
                    "a managed node group runs EKS's own releases; to run "
                        + id
                        + ", set customAmi with a launchTemplateId whose template names it, or pin"
                        + " an EKS release with AmiSource.release");
              }
            });
    spec.amiSource()
        .pinnedRelease()
        .ifPresent(
            release -> {
              v.matches(
                  "amiSource.release", release, AmiResolution.RELEASE, "an EKS release version");
              if (spec.customAmi()) {
                v.add(
                    "amiSource",
                    "custom-ami",
                    "a custom AMI has no EKS release; use AmiSource.imageId or change the"
                        + " template");
              }
            });
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
