package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.LaunchTemplateSpec;
import dev.ekskit.nodes.UserData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** {@link LaunchTemplateSpec} to {@code CreateLaunchTemplate}, secure defaults included. */
public final class LaunchTemplateMapping {
  private LaunchTemplateMapping() {}

  /**
   * @param ownTags ekskit's tags besides ownership (cluster, node group), which users may not set
   */
  public static CreateLaunchTemplateRequest createRequest(
      LaunchTemplateSpec spec, String token, Map<String, String> ownTags) {
    Map<String, String> all = new LinkedHashMap<>(Tags.withOwnership(spec.tags()));
    all.putAll(ownTags);
    List<Tag> tags = tags(all);
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
    return CreateLaunchTemplateRequest.builder()
        .launchTemplateName(spec.name())
        .clientToken(token)
        .launchTemplateData(data.build())
        .tagSpecifications(
            TagSpecification.builder()
                .resourceType(ResourceType.LAUNCH_TEMPLATE)
                .tags(tags)
                .build())
        .build();
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
