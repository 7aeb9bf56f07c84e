package dev.ekskit.nodes;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.DefaultOperation;
import dev.ekskit.core.internal.Engine;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.nodes.internal.LaunchTemplateCalls;
import java.util.UUID;
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
                () -> LaunchTemplateCalls.createOrAdopt(ec2, ref, spec, token)));
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
                () -> LaunchTemplateCalls.delete(ec2, name, false)));
  }

  private static ResourceRef ref(String name) {
    return new ResourceRef("launch-template", name);
  }
}
