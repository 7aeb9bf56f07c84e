package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Tags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * What a launch template version of a node group holds that its nodes depend on, in one form for
 * what ekskit would send and what EC2 gives back, so that the two compare field by field. The
 * instance profile is left out: it is the node group's own, and its role cannot change.
 *
 * @param imageId the AMI
 * @param kubernetesVersion the version the nodes run, from the instances' tag
 * @param instanceType the type a plain group launches
 * @param userData base64, as EC2 keeps it
 * @param hopLimit the IMDSv2 hop limit
 * @param volumes each {@code device size GiB key}, sorted
 * @param securityGroupIds sorted
 * @param instanceTags the instances' tags but the version and the blueprint's mark, sorted
 */
record TemplateView(
    String imageId,
    String kubernetesVersion,
    String instanceType,
    String userData,
    Integer hopLimit,
    List<String> volumes,
    List<String> securityGroupIds,
    Map<String, String> instanceTags) {

  static TemplateView of(RequestLaunchTemplateData data) {
    return of(
        data.imageId(),
        data.instanceTypeAsString(),
        data.userData(),
        data.metadataOptions() == null ? null : data.metadataOptions().httpPutResponseHopLimit(),
        data.blockDeviceMappings().stream().map(TemplateView::volume).toList(),
        data.securityGroupIds(),
        data.tagSpecifications().stream()
            .filter(spec -> spec.resourceType() == ResourceType.INSTANCE)
            .flatMap(spec -> spec.tags().stream())
            .toList());
  }

  static TemplateView of(ResponseLaunchTemplateData data) {
    return of(
        data.imageId(),
        data.instanceTypeAsString(),
        data.userData(),
        data.metadataOptions() == null ? null : data.metadataOptions().httpPutResponseHopLimit(),
        data.blockDeviceMappings().stream().map(TemplateView::volume).toList(),
        data.securityGroupIds(),
        data.tagSpecifications().stream()
            .filter(spec -> spec.resourceType() == ResourceType.INSTANCE)
            .flatMap(spec -> spec.tags().stream())
            .toList());
  }

  private static TemplateView of(
      String imageId,
      String instanceType,
      String userData,
      Integer hopLimit,
      List<String> volumes,
      List<String> securityGroupIds,
      List<Tag> instanceTags) {
    Map<String, String> tags = new TreeMap<>();
    instanceTags.forEach(tag -> tags.put(tag.key(), tag.value()));
    // The Auto Scaling group carries the blueprint's mark; instances need no refresh for it.
    tags.remove(Tags.BLUEPRINT);
    return new TemplateView(
        imageId,
        tags.remove(NodeTags.KUBERNETES_VERSION),
        instanceType,
        userData,
        hopLimit,
        volumes.stream().sorted().toList(),
        List.copyOf(new TreeSet<>(securityGroupIds)),
        tags);
  }

  /** The Kubernetes version of a version's nodes, if ekskit tagged it. */
  Optional<String> version() {
    return Optional.ofNullable(kubernetesVersion);
  }

  /**
   * A client token for the version holding this view in {@code templateId}: the same content gives
   * the same token, so a create whose answer was lost is not made twice.
   */
  String clientToken(String templateId) {
    String canonical =
        String.join(
            "\n",
            templateId,
            String.valueOf(imageId),
            String.valueOf(kubernetesVersion),
            String.valueOf(instanceType),
            String.valueOf(userData),
            String.valueOf(hopLimit),
            String.valueOf(volumes),
            String.valueOf(securityGroupIds),
            String.valueOf(instanceTags));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return "ekskit-" + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The user data by its length only: it may hold commands that do not belong in a log. */
  @Override
  public String toString() {
    return ("TemplateView[imageId=%s, kubernetesVersion=%s, instanceType=%s, userData=%d chars,"
            + " hopLimit=%s, volumes=%s, securityGroupIds=%s, instanceTags=%s]")
        .formatted(
            imageId,
            kubernetesVersion,
            instanceType,
            userData == null ? 0 : userData.length(),
            hopLimit,
            volumes,
            securityGroupIds,
            instanceTags);
  }

  private static String volume(LaunchTemplateBlockDeviceMappingRequest m) {
    return m.ebs() == null
        ? m.deviceName()
        : m.deviceName() + " " + m.ebs().volumeSize() + " " + m.ebs().kmsKeyId();
  }

  private static String volume(LaunchTemplateBlockDeviceMapping m) {
    return m.ebs() == null
        ? m.deviceName()
        : m.deviceName() + " " + m.ebs().volumeSize() + " " + m.ebs().kmsKeyId();
  }
}
