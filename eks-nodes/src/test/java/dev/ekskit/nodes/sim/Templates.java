package dev.ekskit.nodes.sim;

import dev.ekskit.simulator.SimulatedAws;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;

/** A node group's launch template versions and instances, read straight from the simulation. */
final class Templates {
  private Templates() {}

  static ResponseLaunchTemplateData data(SimulatedAws aws, String template, String version) {
    return aws.ec2()
        .describeLaunchTemplateVersions(r -> r.launchTemplateName(template).versions(version))
        .launchTemplateVersions()
        .get(0)
        .launchTemplateData();
  }

  /** The tags a version puts on the instances it launches. */
  static Map<String, String> instanceTags(SimulatedAws aws, String template, String version) {
    return data(aws, template, version).tagSpecifications().stream()
        .filter(spec -> spec.resourceType() == ResourceType.INSTANCE)
        .flatMap(spec -> spec.tags().stream())
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  static String userData(SimulatedAws aws, String template, String version) {
    return new String(
        Base64.getDecoder().decode(data(aws, template, version).userData()),
        StandardCharsets.UTF_8);
  }

  /** How many versions the template has. */
  static int versions(SimulatedAws aws, String template) {
    return aws.ec2()
        .describeLaunchTemplateVersions(r -> r.launchTemplateName(template))
        .launchTemplateVersions()
        .size();
  }

  /** The template version each live instance of the group was launched from. */
  static List<String> instanceVersions(AutoScalingGroup group) {
    return group.instances().stream()
        .filter(i -> !"Terminated".equals(i.lifecycleStateAsString()))
        .map(i -> i.launchTemplate().version())
        .toList();
  }
}
