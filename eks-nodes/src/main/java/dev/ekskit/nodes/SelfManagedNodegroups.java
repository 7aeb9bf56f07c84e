package dev.ekskit.nodes;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.Deleted;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.AmiResolution;
import dev.ekskit.nodes.internal.AutoScalingGroups;
import dev.ekskit.nodes.internal.NodePartRules;
import dev.ekskit.nodes.internal.NodegroupBatch;
import dev.ekskit.nodes.internal.SelfManagedClients;
import dev.ekskit.nodes.internal.SelfManagedCreation;
import dev.ekskit.nodes.internal.SelfManagedDeletion;
import dev.ekskit.nodes.internal.SelfManagedScaling;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Self-managed node groups: EC2 instances in an Auto Scaling group that you own, joined to the
 * cluster by the user data ekskit writes. Get it from {@link Nodegroups#selfManaged()}.
 *
 * <pre>{@code
 * SelfManagedNodegroups selfManaged = nodegroups.selfManaged();
 * SelfManagedNodegroupInfo batch = selfManaged.create(spec).await(Duration.ofMinutes(20));
 * List<SelfManagedNodegroupInfo> all = selfManaged.createAll(List.of(batchSpec, gpuSpec)).join();
 * selfManaged.scale("orders", "batch", s -> s.minSize(0).desiredSize(4).maxSize(10)).join();
 * selfManaged.delete("orders", "batch").join();
 * }</pre>
 *
 * <p>Create checks the spec ({@link InvalidSpecException}) and then the account before changing
 * anything: the cluster is ACTIVE and allows access entries, the AMI family fits its version, the
 * node role, instance type and subnets exist, and for Windows the prerequisites hold. It then
 * resolves the AMI and makes, each create-or-adopt: an instance profile holding the node role, a
 * launch template (IMDSv2 required, encrypted gp3 volumes, user data with the cluster's endpoint,
 * CA and DNS IP so nodes never call {@code DescribeCluster} at boot), the node role's access entry
 * ({@code EC2_LINUX} or {@code EC2_WINDOWS}), and the Auto Scaling group over the subnets, tagged
 * {@code kubernetes.io/cluster/<cluster>=owned}. It completes when the desired number of instances
 * are InService. Launches that keep failing end the wait with a {@link ResourceFailedException}
 * carrying EC2's reasons and a hint; a failure after the first part is a {@link
 * PartialCreationException} naming the parts that exist. Running the same create again adopts what
 * exists; a part that differs from the spec, or that ekskit did not make, is a {@link
 * ConflictException}.
 */
public final class SelfManagedNodegroups {

  /**
   * How many node groups {@link #createAll(List)} creates at once unless told otherwise: {@link
   * ManagedNodegroups#DEFAULT_PARALLELISM}.
   */
  public static final int DEFAULT_PARALLELISM = ManagedNodegroups.DEFAULT_PARALLELISM;

  private final KitContext kit;
  private final AmiResolution amis;

  SelfManagedNodegroups(KitContext kit, AmiResolution amis) {
    this.kit = kit;
    this.amis = amis;
  }

  /**
   * Creates the node group, or finishes or adopts one from an earlier run, and waits for it. The
   * spec must name its subnets and node role ({@link InvalidSpecException}, rule {@code required},
   * before any AWS call).
   */
  public Operation<SelfManagedNodegroupInfo> create(SelfManagedNodegroupSpec spec) {
    return create(spec, null);
  }

  /**
   * {@link #create(SelfManagedNodegroupSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * selfManaged.create(n -> n.clusterName("orders").name("batch").addInstanceTypes("m7g.large"));
   * }</pre>
   */
  public Operation<SelfManagedNodegroupInfo> create(
      Consumer<SelfManagedNodegroupSpec.Builder> spec) {
    return create(
        Specs.build(
            "SelfManagedNodegroupSpec",
            SelfManagedNodegroupSpec.builder(),
            spec,
            SelfManagedNodegroupSpec.Builder::build));
  }

  /** {@link #create(SelfManagedNodegroupSpec)}, also reporting this operation's events. */
  public Operation<SelfManagedNodegroupInfo> create(
      SelfManagedNodegroupSpec spec, ProgressListener listener) {
    Violations.requireGiven("SelfManagedNodegroupSpec", "spec", spec);
    NodePartRules.requireCreatable(
        "SelfManagedNodegroupSpec", spec.subnetIds(), spec.nodeRoleArn());
    SelfManagedClients aws = SelfManagedClients.of(kit);
    AmiResolution.Clients amiClients =
        new AmiResolution.Clients(kit.client(SsmClient.class), kit.client(Ec2Client.class));
    return kit.start(
        ref(spec.clusterName(), spec.name()),
        listener,
        scope ->
            new SelfManagedCreation(
                    scope, aws, amis, amiClients, spec, NodeWaitKinds.SELF_MANAGED_CREATE)
                .run());
  }

  /** {@link #createAll(List, int, ProgressListener)} with {@link #DEFAULT_PARALLELISM}. */
  public Operation<List<SelfManagedNodegroupInfo>> createAll(List<SelfManagedNodegroupSpec> specs) {
    return createAll(specs, DEFAULT_PARALLELISM, null);
  }

  /**
   * Creates several node groups, at most {@code parallelism} at a time, each as {@link
   * #create(SelfManagedNodegroupSpec)} does, as one operation: its deadline bounds them all, and
   * {@link Operation#cancel()} stops every group not yet started and every wait. Results come in
   * the order of {@code specs}. When one fails the others still run to their end; then the
   * operation fails with the first failure. The same rules and cap as {@link
   * ManagedNodegroups#createAll(List, int, ProgressListener)}.
   *
   * <pre>{@code
   * List<SelfManagedNodegroupInfo> groups = selfManaged.createAll(List.of(batchSpec, gpuSpec), 2, null).join();
   * }</pre>
   */
  public Operation<List<SelfManagedNodegroupInfo>> createAll(
      List<SelfManagedNodegroupSpec> specs, int parallelism, ProgressListener listener) {
    ResourceRef ref =
        NodegroupBatch.check(
            "SelfManagedNodegroupSpec",
            "self-managed-nodegroups",
            specs,
            parallelism,
            s ->
                new NodegroupBatch.Member(
                    s.clusterName(), s.name(), s.subnetIds(), s.nodeRoleArn()));
    SelfManagedClients aws = SelfManagedClients.of(kit);
    AmiResolution.Clients amiClients =
        new AmiResolution.Clients(kit.client(SsmClient.class), kit.client(Ec2Client.class));
    return kit.start(
        ref,
        listener,
        scope ->
            scope.parallel(
                specs,
                parallelism,
                spec ->
                    new SelfManagedCreation(
                            scope.child(ref(spec.clusterName(), spec.name())),
                            aws,
                            amis,
                            amiClients,
                            spec,
                            NodeWaitKinds.SELF_MANAGED_CREATE)
                        .run()));
  }

  /**
   * Changes the group's size limits and waits until the desired number of instances is InService.
   *
   * <pre>{@code
   * selfManaged.scale("orders", "batch", s -> s.minSize(0).desiredSize(4).maxSize(10)).join();
   * }</pre>
   */
  public Operation<SelfManagedNodegroupInfo> scale(
      String clusterName, String name, Consumer<Scaling.Builder> scaling) {
    return scale(
        clusterName,
        name,
        Specs.build("Scaling", Scaling.builder(), scaling, Scaling.Builder::build));
  }

  /**
   * Changes the group's size limits to {@code scaling}; see {@link #scale(String, String,
   * Consumer)}.
   */
  public Operation<SelfManagedNodegroupInfo> scale(
      String clusterName, String name, Scaling scaling) {
    Violations v = names(clusterName, name);
    v.throwIfAny();
    Violations.requireGiven("Scaling", "scaling", scaling);
    SelfManagedClients aws = SelfManagedClients.of(kit);
    return kit.start(
        ref(clusterName, name),
        null,
        scope ->
            SelfManagedScaling.run(
                scope, aws, clusterName, name, scaling, NodeWaitKinds.SELF_MANAGED_CREATE));
  }

  /** The node group's Auto Scaling group now, or empty if there is none. Blocks. */
  public Optional<SelfManagedNodegroupInfo> describe(String clusterName, String name) {
    names(clusterName, name).throwIfAny();
    return AutoScalingGroups.describe(
            SelfManagedClients.of(kit).autoScaling(), clusterName + "-" + name)
        .map(group -> AutoScalingGroups.info(clusterName, name, group));
  }

  /**
   * Deletes the node group's parts in order and waits until its instances are gone. The result says
   * whether this run deleted anything or found nothing left. Safe to run again.
   *
   * <pre>{@code
   * Deleted batch = selfManaged.delete("orders", "batch").join();
   * }</pre>
   */
  public Operation<Deleted> delete(String clusterName, String name) {
    names(clusterName, name).throwIfAny();
    SelfManagedClients aws = SelfManagedClients.of(kit);
    return kit.start(
        ref(clusterName, name),
        null,
        scope ->
            new SelfManagedDeletion(
                    scope, aws, clusterName, name, NodeWaitKinds.SELF_MANAGED_DELETE)
                .run()
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }

  /** The names' rules, before any call; more rules may be added before throwing. */
  private static Violations names(String clusterName, String name) {
    Violations v = new Violations("SelfManagedNodegroup");
    v.eksName("clusterName", clusterName, 100);
    v.eksName("name", name, 63);
    return v;
  }

  private static ResourceRef ref(String clusterName, String name) {
    return ResourceRef.child("self-managed-nodegroup", clusterName, name);
  }
}
