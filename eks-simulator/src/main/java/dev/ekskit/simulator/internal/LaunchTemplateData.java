package dev.ekskit.simulator.internal;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataOptions;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * What EC2 keeps of a version's launch parameters: the request's data as DescribeLaunchTemplate
 * Versions gives it back, and a new version's data on top of its source version's.
 */
final class LaunchTemplateData {
  private LaunchTemplateData() {}

  /**
   * What DescribeLaunchTemplateVersions gives back for what a create got; a list the request left
   * out stays unset, so that a new version inherits it from its source.
   */
  static ResponseLaunchTemplateData of(RequestLaunchTemplateData in) {
    var out =
        ResponseLaunchTemplateData.builder()
            .imageId(in.imageId())
            .instanceType(in.instanceTypeAsString())
            .userData(in.userData())
            .securityGroupIds(in.securityGroupIds());
    if (in.hasBlockDeviceMappings()) {
      out.blockDeviceMappings(
          in.blockDeviceMappings().stream().map(LaunchTemplateData::blockDevice).toList());
    }
    if (in.hasTagSpecifications()) {
      out.tagSpecifications(
          in.tagSpecifications().stream()
              .map(
                  t ->
                      LaunchTemplateTagSpecification.builder()
                          .resourceType(t.resourceTypeAsString())
                          .tags(t.tags())
                          .build())
              .toList());
    }
    if (in.metadataOptions() != null) {
      out.metadataOptions(
          LaunchTemplateInstanceMetadataOptions.builder()
              .httpTokens(in.metadataOptions().httpTokensAsString())
              .httpEndpoint(in.metadataOptions().httpEndpointAsString())
              .httpPutResponseHopLimit(in.metadataOptions().httpPutResponseHopLimit())
              .build());
    }
    if (in.iamInstanceProfile() != null) {
      out.iamInstanceProfile(
          LaunchTemplateIamInstanceProfileSpecification.builder()
              .arn(in.iamInstanceProfile().arn())
              .name(in.iamInstanceProfile().name())
              .build());
    }
    return out.build();
  }

  private static LaunchTemplateBlockDeviceMapping blockDevice(
      LaunchTemplateBlockDeviceMappingRequest m) {
    return LaunchTemplateBlockDeviceMapping.builder()
        .deviceName(m.deviceName())
        .ebs(
            m.ebs() == null
                ? null
                : LaunchTemplateEbsBlockDevice.builder()
                    .volumeSize(m.ebs().volumeSize())
                    .volumeType(m.ebs().volumeTypeAsString())
                    .encrypted(m.ebs().encrypted())
                    .deleteOnTermination(m.ebs().deleteOnTermination())
                    .kmsKeyId(m.ebs().kmsKeyId())
                    .build())
        .build();
  }

  /**
   * A version made from {@code source}: every parameter {@code changes} sets replaces the source's,
   * every one it leaves out is inherited, as CreateLaunchTemplateVersion with a SourceVersion does.
   */
  static ResponseLaunchTemplateData inherit(
      ResponseLaunchTemplateData source, ResponseLaunchTemplateData changes) {
    ResponseLaunchTemplateData.Builder merged = changes.toBuilder();
    for (SdkField<?> field : ResponseLaunchTemplateData.builder().sdkFields()) {
      if (unset(field.getValueOrDefault(changes))) {
        copy(field, source, merged);
      }
    }
    return merged.build();
  }

  private static boolean unset(Object value) {
    return value == null
        || value instanceof SdkAutoConstructList
        || value instanceof SdkAutoConstructMap;
  }

  private static <T> void copy(
      SdkField<T> field, ResponseLaunchTemplateData from, ResponseLaunchTemplateData.Builder to) {
    field.set(to, field.getValueOrDefault(from));
  }
}
