package dev.ekskit.nodes;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.DefaultOperation;
import dev.ekskit.core.internal.Engine;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.core.internal.Tags;
import dev.ekskit.nodes.internal.LaunchTemplateMapping;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * EC2 launch templates for nodes, created from a {@link LaunchTemplateSpec} with its secure
 * defaults. Get it from {@link Nodegroups#launchTemplates()}.
 *
 * <pre>{@code
 * LaunchTemplateInfo template = nodegroups.launchTemplates().create(spec).join();
 * nodegroups.launchTemplates().delete("orders-general").join();
 * }</pre>
 *
 * <p>Create is idempotent: a pinned client token makes retries safe, and a template of that name
 * that ekskit made is adopted; one made by someone else fails with a {@link ConflictException}.
 */
public final class LaunchTemplates {
  private final Engine engine;
  private final Ec2Client ec2;

  LaunchTemplates(Engine engine, Ec2Client ec2) {
    this.engine = engine;
    this.ec2 = ec2;
  }

  public Operation<LaunchTemplateInfo> create(LaunchTemplateSpec spec) {
    ResourceRef ref = ref(spec.name());
    String token = UUID.randomUUID().toString();
    return DefaultOperation.start(
        new OperationContext(engine, ref, null),
        context ->
            StepRetry.run(
                context,
                ref,
                "create",
                StepRetry.RETRYABLE,
                () -> {
                  try {
                    return info(
                        ec2.createLaunchTemplate(LaunchTemplateMapping.createRequest(spec, token))
                            .launchTemplate());
                  } catch (RuntimeException e) {
                    if (!AwsErrors.errorCode(e).contains("AlreadyExists")) {
                      throw e;
                    }
                    return adopt(ref, spec.name(), e);
                  }
                }));
  }

  /** Deletes the template; completes with false when there was none of that name. */
  public Operation<Boolean> delete(String name) {
    ResourceRef ref = ref(name);
    return DefaultOperation.start(
        new OperationContext(engine, ref, null),
        context ->
            StepRetry.run(
                context,
                ref,
                "delete",
                StepRetry.RETRYABLE,
                () -> {
                  // A filter answers an empty list for a missing name, where a name lookup fails.
                  List<LaunchTemplate> found =
                      ec2.describeLaunchTemplates(
                              r -> r.filters(f -> f.name("launch-template-name").values(name)))
                          .launchTemplates();
                  if (found.isEmpty()) {
                    return false;
                  }
                  try {
                    ec2.deleteLaunchTemplate(
                        r -> r.launchTemplateId(found.get(0).launchTemplateId()));
                    return true;
                  } catch (RuntimeException e) {
                    if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
                      return false;
                    }
                    throw e;
                  }
                }));
  }

  private LaunchTemplateInfo adopt(ResourceRef ref, String name, RuntimeException exists) {
    LaunchTemplate existing =
        ec2.describeLaunchTemplates(r -> r.launchTemplateNames(name)).launchTemplates().get(0);
    var tags = existing.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    if (!Tags.isManagedByEksKit(tags)) {
      throw new ConflictException(
          ref,
          List.of(new FieldDifference("owner", "ekskit", "a template ekskit did not create")),
          exists);
    }
    return info(existing);
  }

  private static LaunchTemplateInfo info(LaunchTemplate template) {
    return new LaunchTemplateInfo(
        template.launchTemplateId(),
        template.launchTemplateName(),
        template.defaultVersionNumber());
  }

  private static ResourceRef ref(String name) {
    return new ResourceRef("launch-template", name);
  }
}
