package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/** The rules of {@link SelfManagedNodegroupSpec} that need no AWS call. */
public final class SelfManagedSpecRules {
  /** Launch template and instance profile names allow 128 characters. */
  private static final int MAX_RESOURCE_NAME = 128;

  private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");

  private SelfManagedSpecRules() {}

  public static void check(SelfManagedNodegroupSpec spec) {
    Violations v = new Violations("SelfManagedNodegroupSpec");
    v.eksName("clusterName", spec.clusterName(), 100);
    v.eksName("name", spec.name(), 63);
    if (spec.resourceName().length() > MAX_RESOURCE_NAME) {
      v.add(
          "name",
          "combined-length",
          "clusterName + '-' + name names the launch template and instance profile, which allow "
              + MAX_RESOURCE_NAME
              + " characters; it has "
              + spec.resourceName().length());
    }
    // Empty only in a blueprint, which supplies them; create() requires them on its own.
    v.subnetIds("subnetIds", spec.subnetIds(), 0, 16);
    spec.nodeRoleArn().ifPresent(arn -> v.roleArn("nodeRoleArn", arn));
    InstanceTypeRules.check(v, spec.ami(), spec.instanceTypes());
    if (spec.capacityType() != CapacityTypes.ON_DEMAND
        && spec.capacityType() != CapacityTypes.SPOT) {
      v.add("capacityType", "one-of", "must be ON_DEMAND or SPOT, was " + spec.capacityType());
    }
    AmiResolution.validateInto(v, "amiSource.", spec.ami(), spec.amiSource());
    NodegroupSpecRules.amiVersion(v, spec.ami(), spec.kubernetesVersion());
    NodegroupSpecRules.scaling(v, spec.minSize(), spec.desiredSize(), spec.maxSize());
    VolumeRules.check(v, spec.ami(), spec.volumeGib());
    if (spec.metadataHopLimit() < 1 || spec.metadataHopLimit() > 64) {
      v.add("metadataHopLimit", "range", "must be 1 to 64, was " + spec.metadataHopLimit());
    }
    v.ids("securityGroupIds", spec.securityGroupIds(), SECURITY_GROUP, "a security group id", 0, 4);
    UserDataRules.kubelet(
        v, spec.labels(), spec.taints(), spec.maxPods(), spec.preBootstrapCommands());
    if (spec.ami().family() == AmiFamily.BOTTLEROCKET && !spec.preBootstrapCommands().isEmpty()) {
      v.add(
          "preBootstrapCommands",
          "bottlerocket-no-shell",
          "Bottlerocket runs no shell at boot; use a bootstrap container instead");
    }
    if (spec.vpcCniWindowsIpamEnabled() && !spec.ami().isWindows()) {
      v.add("vpcCniWindowsIpamEnabled", "windows-only", "only means something for Windows nodes");
    }
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }
}
