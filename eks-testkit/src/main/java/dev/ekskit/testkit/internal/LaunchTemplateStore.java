package dev.ekskit.testkit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataOptions;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * EC2 launch templates, one version each: created with a client token (a repeat with the same token
 * returns the same template), found by id or name, deleted.
 */
final class LaunchTemplateStore {
  private record Stored(LaunchTemplate template, ResponseLaunchTemplateData data, String token) {}

  private final Ids ids;
  private final Supplier<Instant> clock;
  private final Map<String, Stored> byName = new LinkedHashMap<>();

  LaunchTemplateStore(Ids ids, Supplier<Instant> clock) {
    this.ids = ids;
    this.clock = clock;
  }

  LaunchTemplate create(CreateLaunchTemplateRequest request) {
    String name = request.launchTemplateName();
    if (name == null || !name.matches("[a-zA-Z0-9().\\-/_]{3,128}")) {
      throw Errors.ec2(
          400, "InvalidLaunchTemplateName.MalformedException", "Invalid name: " + name);
    }
    Stored existing = byName.get(name);
    if (existing != null) {
      if (request.clientToken() != null && request.clientToken().equals(existing.token())) {
        return existing.template();
      }
      throw Errors.ec2(
          400,
          "InvalidLaunchTemplateName.AlreadyExistsException",
          "Launch template name already in use.");
    }
    List<Tag> tags =
        request.tagSpecifications().stream()
            .filter(spec -> "launch-template".equals(spec.resourceTypeAsString()))
            .flatMap(spec -> spec.tags().stream())
            .toList();
    LaunchTemplate template =
        LaunchTemplate.builder()
            .launchTemplateId("lt-" + ids.hex(17))
            .launchTemplateName(name)
            .createTime(clock.get())
            .defaultVersionNumber(1L)
            .latestVersionNumber(1L)
            .tags(tags)
            .build();
    byName.put(
        name, new Stored(template, data(request.launchTemplateData()), request.clientToken()));
    return template;
  }

  /** By ids or names (each must exist), or every one; then those matching every filter. */
  List<LaunchTemplate> describe(List<String> ids, List<String> names, List<Filter> filters) {
    return candidates(ids, names).stream()
        .filter(t -> filters.stream().allMatch(f -> matches(t, f)))
        .toList();
  }

  private List<LaunchTemplate> candidates(List<String> ids, List<String> names) {
    if (!ids.isEmpty()) {
      return ids.stream().map(id -> byId(id).template()).toList();
    }
    if (!names.isEmpty()) {
      return names.stream().map(n -> byName(n).template()).toList();
    }
    return byName.values().stream().map(Stored::template).toList();
  }

  LaunchTemplateVersion version(String id, String name) {
    Stored stored = id != null ? byId(id) : byName(name);
    return LaunchTemplateVersion.builder()
        .launchTemplateId(stored.template().launchTemplateId())
        .launchTemplateName(stored.template().launchTemplateName())
        .versionNumber(1L)
        .defaultVersion(true)
        .launchTemplateData(stored.data())
        .build();
  }

  LaunchTemplate delete(String id, String name) {
    Stored stored = id != null ? byId(id) : byName(name);
    byName.remove(stored.template().launchTemplateName());
    return stored.template();
  }

  /** The template data an instance launches with, or a not-found error. */
  ResponseLaunchTemplateData dataOf(String id, String name) {
    return (id != null ? byId(id) : byName(name)).data();
  }

  private Stored byId(String id) {
    return byName.values().stream()
        .filter(s -> s.template().launchTemplateId().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                Errors.ec2(
                    400,
                    "InvalidLaunchTemplateId.NotFound",
                    "The specified launch template, with template ID " + id + ", does not exist."));
  }

  private Stored byName(String name) {
    Stored stored = byName.get(name);
    if (stored == null) {
      throw Errors.ec2(
          400,
          "InvalidLaunchTemplateName.NotFoundException",
          "The specified launch template, with template name " + name + ", does not exist.");
    }
    return stored;
  }

  /**
   * EC2's filters of DescribeLaunchTemplates but create-time: a filter matches any of its values;
   * an unknown name matches nothing.
   */
  private static boolean matches(LaunchTemplate template, Filter filter) {
    String name = filter.name();
    if ("launch-template-name".equals(name)) {
      return filter.values().contains(template.launchTemplateName());
    }
    if ("tag-key".equals(name)) {
      return template.tags().stream().anyMatch(t -> filter.values().contains(t.key()));
    }
    if (name.startsWith("tag:")) {
      String key = name.substring("tag:".length());
      return template.tags().stream()
          .anyMatch(t -> t.key().equals(key) && filter.values().contains(t.value()));
    }
    return false;
  }

  /** What DescribeLaunchTemplateVersions gives back for what CreateLaunchTemplate got. */
  private static ResponseLaunchTemplateData data(RequestLaunchTemplateData in) {
    var out =
        ResponseLaunchTemplateData.builder()
            .imageId(in.imageId())
            .instanceType(in.instanceTypeAsString())
            .userData(in.userData())
            .securityGroupIds(in.securityGroupIds())
            .blockDeviceMappings(
                in.blockDeviceMappings().stream()
                    .map(
                        m ->
                            LaunchTemplateBlockDeviceMapping.builder()
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
                                .build())
                    .toList())
            .tagSpecifications(
                in.tagSpecifications().stream()
                    .map(
                        t ->
                            LaunchTemplateTagSpecification.builder()
                                .resourceType(t.resourceTypeAsString())
                                .tags(t.tags())
                                .build())
                    .toList());
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
}
