package dev.ekskit.nodes.internal;

import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.SubnetCheck;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.AmiNotFoundException;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A self-managed node group of a blueprint: created with all its parts, or brought to its spec in
 * place (the Auto Scaling group; a new launch template version and an instance refresh for the AMI,
 * and so for the Kubernetes version the blueprint's cluster runs, and for everything else in the
 * template), or, when the blueprint allows it, deleted and created again for a new node role.
 */
public final class SelfManagedNodegroupPart
    implements BlueprintPartHandler<SelfManagedNodegroupSpec> {
  private static final String KIND = "self-managed node group";
  private static final String SPEC = "SelfManagedNodegroupSpec";

  private final AmiResolution amis;
  private final WaitKinds waits;

  /** The waits of instances starting, instances ending with their group, and refreshes. */
  public record WaitKinds(WaitKind inService, WaitKind delete, WaitKind refresh) {}

  public SelfManagedNodegroupPart(AmiResolution amis, WaitKinds waits) {
    this.amis = amis;
    this.waits = waits;
  }

  @Override
  public Class<SelfManagedNodegroupSpec> partType() {
    return SelfManagedNodegroupSpec.class;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String name(SelfManagedNodegroupSpec part) {
    return part.name();
  }

  @Override
  public PlannedChange plan(SelfManagedNodegroupSpec part, BlueprintContext blueprint) {
    SelfManagedClients aws = SelfManagedClients.of(blueprint.kit());
    AmiResolution.Clients amiClients = amiClients(blueprint.kit());
    SelfManagedNodegroupSpec spec = complete(part, blueprint);
    String version = spec.kubernetesVersion().orElseThrow();
    ResolvedAmi ami = check(aws, amiClients, spec, version);
    String note = ami.imageId() + " (" + ami.imageName() + "), Kubernetes " + version;
    Optional<AutoScalingGroup> found =
        blueprint.cluster().isEmpty()
            ? Optional.empty()
            : AutoScalingGroups.describe(aws.autoScaling(), spec.resourceName());
    if (found.isEmpty()) {
      return PlannedChange.create(KIND, part.name(), note);
    }
    List<FieldDifference> differences =
        SelfManagedReview.foreign(spec, found.get())
            .map(List::of)
            .orElseGet(
                () ->
                    SelfManagedState.read(aws, amis, amiClients, spec, found.get()).differences());
    return PlannedChange.compare(KIND, part.name(), differences, SelfManagedReview.UPDATABLE, note);
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, SelfManagedNodegroupSpec part, BlueprintContext blueprint) {
    Scope own = scope.child(ref(blueprint.clusterName(), part.name()));
    SelfManagedClients aws = SelfManagedClients.of(blueprint.kit());
    AmiResolution.Clients amiClients = amiClients(blueprint.kit());
    return own.read("compare", () -> plan(part, blueprint))
        .thenCompose(
            change -> {
              SelfManagedNodegroupSpec spec = complete(part, blueprint);
              CompletableFuture<?> done =
                  switch (change.action()) {
                    case CREATE -> create(own, aws, amiClients, spec);
                    case REPLACE_REQUIRED ->
                        blueprint.allowReplacement()
                            ? deletion(own, aws, spec.clusterName(), spec.name())
                                .run()
                                .thenCompose(deleted -> create(own, aws, amiClients, spec))
                            : CompletableFuture.failedFuture(
                                Replacements.refused(own, change, SelfManagedReview.UPDATABLE));
                    default ->
                        new SelfManagedUpdate(
                                own,
                                aws,
                                amis,
                                amiClients,
                                spec,
                                waits.inService(),
                                waits.refresh())
                            .run();
                  };
              return done.thenApply(result -> change);
            });
  }

  @Override
  public List<String> owned(BlueprintContext blueprint) {
    if (blueprint.cluster().isEmpty()) {
      return List.of();
    }
    SelfManagedClients aws = SelfManagedClients.of(blueprint.kit());
    return AutoScalingGroups.ofCluster(aws.autoScaling(), blueprint.clusterName()).stream()
        .map(AutoScalingGroups::tagMap)
        .filter(blueprint::isOwned)
        .map(tags -> tags.get(NodeTags.NODEGROUP))
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    SelfManagedClients aws = SelfManagedClients.of(blueprint.kit());
    String cluster = blueprint.clusterName();
    return deletion(scope.child(ref(cluster, name)), aws, cluster, name).run();
  }

  /**
   * The part as the blueprint applies it: its subnets and node role, else those the blueprint made
   * (absent while planning what it has not made yet); its version, else the blueprint's, so that an
   * upgrade reaches its nodes; and the blueprint's tag.
   */
  static SelfManagedNodegroupSpec complete(
      SelfManagedNodegroupSpec part, BlueprintContext blueprint) {
    return part.toBuilder()
        .subnetIds(part.subnetIds().isEmpty() ? blueprint.nodeSubnetIds() : part.subnetIds())
        .nodeRoleArn(part.nodeRoleArn().or(blueprint::nodeRoleArn))
        .kubernetesVersion(part.kubernetesVersion().orElse(blueprint.kubernetesVersion()))
        .tags(blueprint.tags(part.tags()))
        .build();
  }

  /**
   * What the account must allow before anything changes: the AMI family, instance types and
   * subnets; and the AMI, which it resolves.
   */
  private ResolvedAmi check(
      SelfManagedClients aws,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec,
      String version) {
    Violations v = new Violations(SPEC);
    NodegroupSpecRules.amiVersion(v, spec.ami(), Optional.of(version));
    v.throwIfAny();
    InstanceTypeCheck.check(
        aws.ec2(), spec.ami(), spec.effectiveInstanceTypes(), SPEC, "instanceTypes");
    if (!spec.subnetIds().isEmpty()) {
      SubnetCheck.requireUsable(aws.ec2(), SPEC, "subnetIds", spec.subnetIds(), 1);
    }
    try {
      return amis.resolveNow(amiClients, spec.ami(), version, spec.amiSource());
    } catch (AmiNotFoundException e) {
      throw new InvalidSpecException(
          SPEC, new Violations(SPEC).add("amiSource", "resolves", e.getMessage()).list());
    }
  }

  private CompletableFuture<?> create(
      Scope scope,
      SelfManagedClients aws,
      AmiResolution.Clients amiClients,
      SelfManagedNodegroupSpec spec) {
    NodePartRules.requireCreatable(SPEC, spec.subnetIds(), spec.nodeRoleArn());
    // The blueprint's build() made sure of Linux capacity beside a Windows group.
    return new SelfManagedCreation(scope, aws, amis, amiClients, spec, waits.inService(), true)
        .run();
  }

  private SelfManagedDeletion deletion(
      Scope scope, SelfManagedClients aws, String cluster, String name) {
    return new SelfManagedDeletion(scope, aws, cluster, name, waits.delete());
  }

  private static AmiResolution.Clients amiClients(KitContext kit) {
    return new AmiResolution.Clients(kit.client(SsmClient.class), kit.client(Ec2Client.class));
  }

  private static ResourceRef ref(String cluster, String name) {
    return ResourceRef.child("self-managed-nodegroup", cluster, name);
  }
}
