package dev.ekskit.nodes.internal;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.Tags;
import dev.ekskit.nodes.LaunchTemplateInfo;
import dev.ekskit.nodes.LaunchTemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The blocking launch template calls, safe to repeat: create with a pinned client token, adopting a
 * template of that name that ekskit made; delete that treats "none" as done.
 */
public final class LaunchTemplateCalls {
  private LaunchTemplateCalls() {}

  public static LaunchTemplateInfo createOrAdopt(
      Ec2Client ec2, ResourceRef ref, LaunchTemplateSpec spec, String token) {
    try {
      return info(
          ec2.createLaunchTemplate(LaunchTemplateMapping.createRequest(spec, token))
              .launchTemplate());
    } catch (RuntimeException e) {
      if (!AwsErrors.errorCode(e).contains("AlreadyExists")) {
        throw e;
      }
      return adopt(ec2, ref, spec.name(), e);
    }
  }

  /**
   * True when this call deleted it, false when there was none of that name, or when {@code
   * onlyOurs} and ekskit did not make it.
   */
  public static boolean delete(Ec2Client ec2, String name, boolean onlyOurs) {
    // A filter answers an empty list for a missing name, where a name lookup fails.
    List<LaunchTemplate> found =
        ec2.describeLaunchTemplates(
                r -> r.filters(f -> f.name("launch-template-name").values(name)))
            .launchTemplates();
    if (found.isEmpty() || onlyOurs && !Tags.isManagedByEksKit(tagMap(found.get(0)))) {
      return false;
    }
    try {
      ec2.deleteLaunchTemplate(r -> r.launchTemplateId(found.get(0).launchTemplateId()));
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  private static LaunchTemplateInfo adopt(
      Ec2Client ec2, ResourceRef ref, String name, RuntimeException exists) {
    LaunchTemplate existing =
        ec2.describeLaunchTemplates(r -> r.launchTemplateNames(name)).launchTemplates().get(0);
    if (!Tags.isManagedByEksKit(tagMap(existing))) {
      throw new ConflictException(
          ref,
          List.of(new FieldDifference("owner", "ekskit", "a template ekskit did not create")),
          exists);
    }
    return info(existing);
  }

  private static Map<String, String> tagMap(LaunchTemplate template) {
    return template.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private static LaunchTemplateInfo info(LaunchTemplate template) {
    return new LaunchTemplateInfo(
        template.launchTemplateId(),
        template.launchTemplateName(),
        template.defaultVersionNumber());
  }
}
