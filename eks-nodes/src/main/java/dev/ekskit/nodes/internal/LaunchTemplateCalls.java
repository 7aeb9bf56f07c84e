package dev.ekskit.nodes.internal;

import static dev.ekskit.nodes.internal.Ec2Filters.filter;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.LaunchTemplateInfo;
import dev.ekskit.nodes.LaunchTemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Launch template calls, safe to repeat: create with a pinned client token, adopting a template of
 * that name that ekskit made; find by name; delete that treats "none" as done.
 */
public final class LaunchTemplateCalls {
  private LaunchTemplateCalls() {}

  /**
   * @param ownTags ekskit's tags besides ownership, e.g. those of the node group it is made for
   * @param versionTags tags of the first version's instances and volumes only
   * @param cleanup how to remove it, for the error when the create fails
   */
  public static CreateOrAdopt<LaunchTemplate> createOrAdopt(
      Ec2Client ec2,
      ResourceRef ref,
      LaunchTemplateSpec spec,
      String token,
      Map<String, String> ownTags,
      Map<String, String> versionTags,
      String cleanup) {
    return CreateOrAdopt.<LaunchTemplate>builder(ref)
        .what("the launch template " + spec.name())
        .cleanup(cleanup)
        .create(
            () ->
                ec2.createLaunchTemplate(
                        LaunchTemplateMapping.createRequest(spec, token, ownTags, versionTags))
                    .launchTemplate())
        .describe(() -> find(ec2, spec.name()).orElseThrow())
        .differences(
            existing ->
                Tags.isManagedByEksKit(tagMap(existing))
                    ? List.of()
                    : List.of(
                        new FieldDifference("owner", "ekskit", "a template ekskit did not create")))
        .build();
  }

  /** A template on its own, with ekskit's ownership tag only. */
  public static CreateOrAdopt<LaunchTemplate> createOrAdopt(
      Ec2Client ec2, ResourceRef ref, LaunchTemplateSpec spec, String token) {
    return createOrAdopt(
        ec2,
        ref,
        spec,
        token,
        Map.of(),
        Map.of(),
        "remove it with nodegroups.launchTemplates().delete(\"" + spec.name() + "\")");
  }

  /** The template of that name, if there is one. */
  public static Optional<LaunchTemplate> find(Ec2Client ec2, String name) {
    // A filter answers an empty list for a missing name, where a name lookup fails.
    return ec2
        .describeLaunchTemplates(r -> r.filters(filter("launch-template-name", name)))
        .launchTemplates()
        .stream()
        .findFirst();
  }

  /** Templates ekskit made for node groups of {@code cluster}, found by their tags. */
  public static List<LaunchTemplate> ofCluster(Ec2Client ec2, String cluster) {
    return ec2
        .describeLaunchTemplatesPaginator(
            r ->
                r.filters(
                    filter("tag:" + Tags.CLUSTER, cluster), filter("tag-key", NodeTags.NODEGROUP)))
        .launchTemplates()
        .stream()
        .filter(template -> Tags.isManagedByEksKit(tagMap(template)))
        .toList();
  }

  /**
   * True when this call deleted it, false when there was none of that name, or when {@code
   * onlyOurs} and ekskit did not make it.
   */
  public static boolean delete(Ec2Client ec2, String name, boolean onlyOurs) {
    Optional<LaunchTemplate> found = find(ec2, name);
    if (found.isEmpty() || onlyOurs && !Tags.isManagedByEksKit(tagMap(found.get()))) {
      return false;
    }
    try {
      ec2.deleteLaunchTemplate(r -> r.launchTemplateId(found.get().launchTemplateId()));
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  public static Map<String, String> tagMap(LaunchTemplate template) {
    return template.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
  }

  public static LaunchTemplateInfo info(LaunchTemplate template) {
    return new LaunchTemplateInfo(
        template.launchTemplateId(),
        template.launchTemplateName(),
        template.defaultVersionNumber());
  }
}
