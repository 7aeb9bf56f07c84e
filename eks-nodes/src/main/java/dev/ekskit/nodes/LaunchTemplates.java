package dev.ekskit.nodes;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.Deleted;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.LaunchTemplateCalls;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;

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
  private final KitContext kit;

  LaunchTemplates(KitContext kit) {
    this.kit = kit;
  }

  public Operation<LaunchTemplateInfo> create(LaunchTemplateSpec spec) {
    Violations.requireGiven("LaunchTemplateSpec", "spec", spec);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    String token = UUID.randomUUID().toString();
    return kit.start(
        ref(spec.name()),
        null,
        scope ->
            LaunchTemplateCalls.createOrAdopt(ec2, scope.resource(), spec, token)
                .run(scope)
                .thenApply(made -> LaunchTemplateCalls.info(made.resource())));
  }

  /**
   * {@link #create(LaunchTemplateSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * launchTemplates.create(t -> t.name("orders-general").bootstrap(bootstrap));
   * }</pre>
   */
  public Operation<LaunchTemplateInfo> create(Consumer<LaunchTemplateSpec.Builder> spec) {
    return create(
        Specs.build(
            "LaunchTemplateSpec",
            LaunchTemplateSpec.builder(),
            spec,
            LaunchTemplateSpec.Builder::build));
  }

  /**
   * Deletes the template. The result says whether this run deleted it or found none of that name.
   *
   * <pre>{@code
   * Deleted template = launchTemplates.delete("orders-general").join();
   * }</pre>
   */
  public Operation<Deleted> delete(String name) {
    Violations.requireGiven("launch template name", "name", name);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(
        ref(name),
        null,
        scope ->
            scope
                .call(Steps.DELETE, () -> LaunchTemplateCalls.delete(ec2, name, false))
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }

  private static ResourceRef ref(String name) {
    return new ResourceRef("launch-template", name);
  }
}
