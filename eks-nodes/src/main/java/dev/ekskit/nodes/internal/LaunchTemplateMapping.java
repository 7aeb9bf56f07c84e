package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.LaunchTemplateSpec;
import dev.ekskit.nodes.UserData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * {@link LaunchTemplateSpec} to {@code CreateLaunchTemplate} and {@code
 * CreateLaunchTemplateVersion}, secure defaults included.
 */
public final class LaunchTemplateMapping {
  private LaunchTemplateMapping() {}

  /**
   * @param ownTags ekskit's tags besides ownership (cluster, node group), which users may not set
   */
  public static CreateLaunchTemplateRequest createRequest(
      LaunchTemplateSpec spec, String token, Map<String, String> ownTags) {
    return createRequest(spec, token, ownTags, Map.of());
  }

  /**
   * @param versionTags tags of this version's instances and volumes only, such as the Kubernetes
   *     version they run; not on the template, which outlives its versions
   */
  public static CreateLaunchTemplateRequest createRequest(
      LaunchTemplateSpec spec,
      String token,
      Map<String, String> ownTags,
      Map<String, String> versionTags) {
    Map<String, String> all = tags(spec, ownTags);
    return CreateLaunchTemplateRequest.builder()
        .launchTemplateName(spec.name())
        .clientToken(token)
        .launchTemplateData(launchData(spec, all, versionTags))
        .tagSpecifications(
            TagSpecification.builder()
                .resourceType(ResourceType.LAUNCH_TEMPLATE)
                .tags(tags(all))
                .build())
        .build();
  }

  /**
   * A new version of template {@code templateId} holding all of {@code data}, nothing inherited.
   */
  public static CreateLaunchTemplateVersionRequest versionRequest(
      String templateId, RequestLaunchTemplateData data, String token) {
    return CreateLaunchTemplateVersionRequest.builder()
        .launchTemplateId(templateId)
        .clientToken(token)
        .launchTemplateData(data)
        .build();
  }

  /** What a version of {@code spec} holds, as the create or a new version sends it. */
  public static RequestLaunchTemplateData data(
      LaunchTemplateSpec spec, Map<String, String> ownTags, Map<String, String> versionTags) {
    return launchData(spec, tags(spec, ownTags), versionTags);
  }

  private static RequestLaunchTemplateData launchData(
      LaunchTemplateSpec spec, Map<String, String> all, Map<String, String> versionTags) {
    Map<String, String> launched = new LinkedHashMap<>(all);
    launched.putAll(versionTags);
    List<Tag> tags = tags(launched);
    var data =
        RequestLaunchTemplateData.builder()
            .metadataOptions(
                m ->
                    m.httpTokens(LaunchTemplateHttpTokensState.REQUIRED)
                        .httpEndpoint(LaunchTemplateInstanceMetadataEndpointState.ENABLED)
                        .httpPutResponseHopLimit(spec.metadataHopLimit()))
            .blockDeviceMappings(volumes(spec))
            .tagSpecifications(
                LaunchTemplateTagSpecificationRequest.builder()
                    .resourceType(ResourceType.INSTANCE)
                    .tags(tags)
                    .build(),
                LaunchTemplateTagSpecificationRequest.builder()
                    .resourceType(ResourceType.VOLUME)
                    .tags(tags)
                    .build());
    spec.imageId().ifPresent(data::imageId);
    spec.instanceType().ifPresent(data::instanceType);
    spec.userData().map(UserData::base64).ifPresent(data::userData);
    spec.iamInstanceProfileArn().ifPresent(arn -> data.iamInstanceProfile(p -> p.arn(arn)));
    if (!spec.securityGroupIds().isEmpty()) {
      data.securityGroupIds(spec.securityGroupIds());
    }
    return data.build();
  }

  private static Map<String, String> tags(LaunchTemplateSpec spec, Map<String, String> ownTags) {
    Map<String, String> all = new LinkedHashMap<>(Tags.withOwnership(spec.tags()));
    all.putAll(ownTags);
    return all;
  }

  /** The data (root) volume, and the OS volume where the image keeps one apart; all encrypted. */
  private static List<LaunchTemplateBlockDeviceMappingRequest> volumes(LaunchTemplateSpec spec) {
    var data = volume(spec, spec.rootDeviceName(), spec.rootVolumeGib());
    return spec.osDeviceName()
        .map(os -> List.of(volume(spec, os, null), data))
        .orElse(List.of(data));
  }

  /** {@code gib} null keeps the image's own size. */
  private static LaunchTemplateBlockDeviceMappingRequest volume(
      LaunchTemplateSpec spec, String device, Integer gib) {
    return LaunchTemplateBlockDeviceMappingRequest.builder()
        .deviceName(device)
        .ebs(
            e ->
                e.volumeSize(gib)
                    .volumeType(VolumeType.GP3)
                    .encrypted(true)
                    .deleteOnTermination(true)
                    .kmsKeyId(spec.kmsKeyId().orElse(null)))
        .build();
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
