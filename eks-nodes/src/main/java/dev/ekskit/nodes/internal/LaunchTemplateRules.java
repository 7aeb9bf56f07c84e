package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.LaunchTemplateSpec;
import java.util.regex.Pattern;

/** EC2's limits for {@link LaunchTemplateSpec}, checked before any call. */
public final class LaunchTemplateRules {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9().\\/_-]{3,128}");
  private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
  private static final Pattern PROFILE =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:instance-profile/.+");
  private static final Pattern DEVICE = Pattern.compile("/dev/(sd|xvd)[a-z]{1,2}[0-9]?");
  private static final int MAX_USER_DATA = 16 * 1024;

  private LaunchTemplateRules() {}

  public static void check(LaunchTemplateSpec spec) {
    Violations v = new Violations("LaunchTemplateSpec");
    v.matches("name", spec.name(), NAME, "3 to 128 letters, digits and ( ) . / _ -");
    spec.imageId().ifPresent(id -> v.matches("imageId", id, AmiResolution.IMAGE_ID, "an AMI id"));
    spec.instanceType()
        .ifPresent(
            type ->
                v.matches(
                    "instanceType", type, NodegroupSpecRules.INSTANCE_TYPE, "an instance type"));
    spec.iamInstanceProfileArn()
        .ifPresent(
            arn -> v.matches("iamInstanceProfileArn", arn, PROFILE, "an instance profile ARN"));
    v.ids("securityGroupIds", spec.securityGroupIds(), SECURITY_GROUP, "a security group id", 0, 5);
    if (spec.metadataHopLimit() < 1 || spec.metadataHopLimit() > 64) {
      v.add("metadataHopLimit", "range", "must be 1 to 64, was " + spec.metadataHopLimit());
    }
    if (spec.rootVolumeGib() < 1 || spec.rootVolumeGib() > 16_384) {
      v.add(
          "rootVolumeGib", "range", "gp3 volumes are 1 to 16384 GiB, was " + spec.rootVolumeGib());
    }
    v.matches("rootDeviceName", spec.rootDeviceName(), DEVICE, "a device name such as /dev/xvda");
    spec.osDeviceName()
        .ifPresent(
            name -> v.matches("osDeviceName", name, DEVICE, "a device name such as /dev/xvda"));
    if (spec.osDeviceName().filter(spec.rootDeviceName()::equals).isPresent()) {
      v.add("osDeviceName", "distinct", "must differ from rootDeviceName");
    }
    spec.userData()
        .filter(text -> text.length() > MAX_USER_DATA * 3 / 4)
        .ifPresent(
            text -> v.add("userData", "max-length", "must encode to at most 16 KiB of base64"));
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }
}
