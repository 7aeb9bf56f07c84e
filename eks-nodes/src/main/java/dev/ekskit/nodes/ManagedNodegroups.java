package dev.ekskit.nodes;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.Deleted;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.NodePartRules;
import dev.ekskit.nodes.internal.NodegroupBatch;
import dev.ekskit.nodes.internal.NodegroupCreation;
import dev.ekskit.nodes.internal.NodegroupMapping;
import dev.ekskit.nodes.internal.NodegroupUpdating;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Update;

/**
 * EKS managed node groups: create or adopt and wait ACTIVE, several at once, scale, version and
 * release updates waited through {@code DescribeUpdate}, describe, delete. Get it from {@link
 * Nodegroups#managed()}. Bad input throws {@link InvalidSpecException} before any AWS call; the
 * instance types, the subnets and the AMI family against the cluster's version are checked against
 * the account before the create.
 *
 * <pre>{@code
 * ManagedNodegroups managed = Nodegroups.of(kit).managed();
 * NodegroupInfo general = managed.create(spec).await(Duration.ofMinutes(30));
 * List<NodegroupInfo> all = managed.createAll(List.of(a, b, c)).join();
 * managed.scale("orders", "general", s -> s.minSize(2).desiredSize(4).maxSize(8)).join();
 * managed.updateVersion("orders", "general", "1.34").join();
 * managed.delete("orders", "general").join();
 * }</pre>
 *
 * <p>A node group that ends {@code CREATE_FAILED}, or {@code DEGRADED} with health issues, fails
 * the wait at once with a {@link ResourceFailedException} carrying the issues and a hint per code.
 */
public final class ManagedNodegroups {

  /** How many node groups {@link #createAll(List)} creates at once unless told otherwise. */
  public static final int DEFAULT_PARALLELISM = 4;

  private final KitContext kit;

  ManagedNodegroups(KitContext kit) {
    this.kit = kit;
  }

  /**
   * Creates the node group and waits until it is ACTIVE. If one of that name exists and matches the
   * spec, adopts it; if it differs, fails with a {@link ConflictException} listing the differences.
   * Safe to run again after a crash. The spec must name its subnets and node role ({@link
   * InvalidSpecException}, rule {@code required}, before any AWS call).
   */
  public Operation<NodegroupInfo> create(NodegroupSpec spec) {
    return create(spec, null);
  }

  /**
   * {@link #create(NodegroupSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * managed.create(n -> n.clusterName("orders").name("general").nodeRoleArn(role).subnetIds(subnets));
   * }</pre>
   */
  public Operation<NodegroupInfo> create(Consumer<NodegroupSpec.Builder> spec) {
    return create(
        Specs.build("NodegroupSpec", NodegroupSpec.builder(), spec, NodegroupSpec.Builder::build));
  }

  /** {@link #create(NodegroupSpec)}, also reporting this operation's events to {@code listener}. */
  public Operation<NodegroupInfo> create(NodegroupSpec spec, ProgressListener listener) {
    Violations.requireGiven("NodegroupSpec", "spec", spec);
    NodePartRules.requireCreatable("NodegroupSpec", spec.subnetIds(), spec.nodeRoleArn());
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(
        ref(spec.clusterName(), spec.name()),
        listener,
        scope -> NodegroupCreation.run(scope, eks, ec2, spec, NodeWaitKinds.NODEGROUP_CREATE));
  }

  /** {@link #createAll(List, int, ProgressListener)} with {@link #DEFAULT_PARALLELISM}. */
  public Operation<List<NodegroupInfo>> createAll(List<NodegroupSpec> specs) {
    return createAll(specs, DEFAULT_PARALLELISM, null);
  }

  /**
   * Creates several node groups, at most {@code parallelism} at a time, each as {@link
   * #create(NodegroupSpec)} does, as one operation: its deadline bounds them all, and {@link
   * Operation#cancel()} stops every group not yet started and every wait. Results come in the order
   * of {@code specs}. When one fails the others still run to their end; then the operation fails
   * with the first failure.
   */
  public Operation<List<NodegroupInfo>> createAll(
      List<NodegroupSpec> specs, int parallelism, ProgressListener listener) {
    ResourceRef ref =
        NodegroupBatch.check(
            "NodegroupSpec",
            "nodegroups",
            specs,
            parallelism,
            s ->
                new NodegroupBatch.Member(
                    s.clusterName(), s.name(), s.subnetIds(), s.nodeRoleArn()));
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(
        ref,
        listener,
        scope ->
            scope.parallel(
                specs,
                parallelism,
                spec ->
                    NodegroupCreation.run(
                        scope.child(ref(spec.clusterName(), spec.name())),
                        eks,
                        ec2,
                        spec,
                        NodeWaitKinds.NODEGROUP_CREATE)));
  }

  /**
   * Changes the scaling limits and waits for the update to succeed.
   *
   * <pre>{@code
   * managed.scale("orders", "general", s -> s.minSize(2).desiredSize(4).maxSize(8)).join();
   * }</pre>
   */
  public Operation<NodegroupInfo> scale(
      String clusterName, String name, Consumer<Scaling.Builder> scaling) {
    return scale(
        clusterName,
        name,
        Specs.build("Scaling", Scaling.builder(), scaling, Scaling.Builder::build));
  }

  /** Changes the scaling limits to {@code scaling} and waits for the update to succeed. */
  public Operation<NodegroupInfo> scale(String clusterName, String name, Scaling scaling) {
    Violations.requireGiven("Scaling", "scaling", scaling);
    return update(
        clusterName,
        name,
        "update scaling",
        NodeWaitKinds.NODEGROUP_SCALE,
        eks ->
            token ->
                eks.updateNodegroupConfig(
                        r ->
                            r.clusterName(clusterName)
                                .nodegroupName(name)
                                .scalingConfig(
                                    s ->
                                        s.minSize(scaling.minSize())
                                            .desiredSize(scaling.desiredSize())
                                            .maxSize(scaling.maxSize()))
                                .clientRequestToken(token))
                    .update());
  }

  /**
   * Moves the nodes to {@code kubernetesVersion} (the cluster's version) with the latest AMI
   * release and waits for the update; nodes are replaced respecting the update limits of the spec.
   */
  public Operation<NodegroupInfo> updateVersion(
      String clusterName, String name, String kubernetesVersion) {
    Violations v = new Violations("NodegroupVersionUpdate");
    v.kubernetesVersion("kubernetesVersion", kubernetesVersion);
    v.throwIfAny();
    return update(
        clusterName,
        name,
        "update version",
        NodeWaitKinds.NODEGROUP_VERSION_UPDATE,
        eks ->
            token ->
                eks.updateNodegroupVersion(
                        r ->
                            r.clusterName(clusterName)
                                .nodegroupName(name)
                                .version(kubernetesVersion)
                                .clientRequestToken(token))
                    .update());
  }

  /** Moves the nodes to AMI release {@code releaseVersion}, e.g. {@code 1.33.5-20251101}. */
  public Operation<NodegroupInfo> updateRelease(
      String clusterName, String name, String releaseVersion) {
    if (releaseVersion == null || releaseVersion.isBlank()) {
      new Violations("NodegroupVersionUpdate")
          .add("releaseVersion", "required", "must not be empty")
          .throwIfAny();
    }
    return update(
        clusterName,
        name,
        "update release",
        NodeWaitKinds.NODEGROUP_VERSION_UPDATE,
        eks ->
            token ->
                eks.updateNodegroupVersion(
                        r ->
                            r.clusterName(clusterName)
                                .nodegroupName(name)
                                .releaseVersion(releaseVersion)
                                .clientRequestToken(token))
                    .update());
  }

  private Operation<NodegroupInfo> update(
      String clusterName,
      String name,
      String step,
      WaitKind kind,
      Function<EksClient, Function<String, Update>> call) {
    EksClient eks = kit.client(EksClient.class);
    return kit.start(
        ref(clusterName, name),
        null,
        scope -> NodegroupUpdating.run(scope, eks, clusterName, name, step, kind, call.apply(eks)));
  }

  /** The node group as EKS describes it now, or empty if there is none. Blocks. */
  public Optional<NodegroupInfo> describe(String clusterName, String name) {
    Violations v = new Violations("node group name");
    v.eksName("clusterName", clusterName, 100);
    v.eksName("name", name, 63);
    v.throwIfAny();
    EksClient eks = kit.client(EksClient.class);
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    eks.describeNodegroup(r -> r.clusterName(clusterName).nodegroupName(name))
                        .nodegroup()))
        .map(NodegroupMapping::info);
  }

  /**
   * Deletes the node group and waits until it is gone. The result says whether this run deleted it
   * or found none.
   *
   * <pre>{@code
   * Deleted general = managed.delete("orders", "general").join();
   * }</pre>
   */
  public Operation<Deleted> delete(String clusterName, String name) {
    EksClient eks = kit.client(EksClient.class);
    return kit.start(
        ref(clusterName, name),
        null,
        scope ->
            EksResources.nodegroupDeletion(eks, clusterName, name)
                .run(scope)
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }

  private static ResourceRef ref(String clusterName, String name) {
    return ResourceRef.child("nodegroup", clusterName, name);
  }
}
