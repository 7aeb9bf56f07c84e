package dev.ekskit.nodes.internal;

import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.nodes.NodegroupSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * A managed node group of a blueprint: created, or brought to its spec in place (scaling, labels,
 * taints, update limits, the Kubernetes version the blueprint's cluster runs, a pinned AMI release,
 * the blueprint's tag), or, when the blueprint allows it, deleted and created again for what EKS
 * cannot change.
 */
public final class ManagedNodegroupPart implements BlueprintPartHandler<NodegroupSpec> {
  private static final String KIND = "managed node group";
  private static final String SPEC = "NodegroupSpec";

  private final WaitKinds waits;

  /** The waits of creates, config updates and version updates, as the kit's facade uses them. */
  public record WaitKinds(WaitKind create, WaitKind config, WaitKind version) {}

  public ManagedNodegroupPart(WaitKinds waits) {
    this.waits = waits;
  }

  @Override
  public Class<NodegroupSpec> partType() {
    return NodegroupSpec.class;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String name(NodegroupSpec part) {
    return part.name();
  }

  @Override
  public PlannedChange plan(NodegroupSpec part, BlueprintContext blueprint) {
    EksClient eks = blueprint.kit().client(EksClient.class);
    NodegroupSpec spec = complete(part, blueprint);
    String version = spec.kubernetesVersion().orElseThrow();
    check(blueprint.kit().client(Ec2Client.class), spec, version);
    String note =
        NodegroupMapping.amiType(spec, version)
            + ", Kubernetes "
            + version
            + ", "
            + spec.amiSource();
    Optional<Nodegroup> found =
        blueprint.cluster().isEmpty()
            ? Optional.empty()
            : find(eks, spec.clusterName(), part.name());
    if (found.isEmpty()) {
      return PlannedChange.create(KIND, part.name(), note);
    }
    return PlannedChange.compare(
        KIND,
        part.name(),
        NodegroupReview.differences(spec, version, found.get(), spec.tags()),
        NodegroupReview.updatable(),
        note + "; " + found.get().statusAsString());
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, NodegroupSpec part, BlueprintContext blueprint) {
    Scope own = scope.child(ref(blueprint.clusterName(), part.name()));
    EksClient eks = blueprint.kit().client(EksClient.class);
    Ec2Client ec2 = blueprint.kit().client(Ec2Client.class);
    return own.read("compare", () -> plan(part, blueprint))
        .thenCompose(
            change -> {
              NodegroupSpec spec = complete(part, blueprint);
              CompletableFuture<?> done =
                  switch (change.action()) {
                    case CREATE -> create(own, eks, ec2, spec);
                    case REPLACE_REQUIRED ->
                        blueprint.allowReplacement()
                            ? EksResources.nodegroupDeletion(eks, spec.clusterName(), spec.name())
                                .run(own)
                                .thenCompose(deleted -> create(own, eks, ec2, spec))
                            : CompletableFuture.failedFuture(
                                Replacements.refused(own, change, NodegroupReview.updatable()));
                    default ->
                        new ManagedNodegroupUpdate(
                                own, eks, spec, blueprint.force(), waits.config(), waits.version())
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
    EksClient eks = blueprint.kit().client(EksClient.class);
    String cluster = blueprint.clusterName();
    return AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    eks.listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream()
                        .toList()))
        .orElse(List.of())
        .stream()
        .filter(
            name -> find(eks, cluster, name).filter(g -> blueprint.isOwned(g.tags())).isPresent())
        .toList();
  }

  @Override
  public CompletableFuture<Boolean> delete(Scope scope, String name, BlueprintContext blueprint) {
    EksClient eks = blueprint.kit().client(EksClient.class);
    return EksResources.nodegroupDeletion(eks, blueprint.clusterName(), name)
        .run(scope.child(ref(blueprint.clusterName(), name)));
  }

  /**
   * The part as the blueprint applies it: its subnets and node role, else those the blueprint made
   * (absent while planning what it has not made yet); its version, else the blueprint's; and the
   * blueprint's tag.
   */
  static NodegroupSpec complete(NodegroupSpec part, BlueprintContext blueprint) {
    return part.toBuilder()
        .subnetIds(part.subnetIds().isEmpty() ? blueprint.nodeSubnetIds() : part.subnetIds())
        .nodeRoleArn(part.nodeRoleArn().or(blueprint::nodeRoleArn))
        .kubernetesVersion(part.kubernetesVersion().orElse(blueprint.kubernetesVersion()))
        .tags(blueprint.tags(part.tags()))
        .build();
  }

  private CompletableFuture<?> create(
      Scope scope, EksClient eks, Ec2Client ec2, NodegroupSpec spec) {
    NodePartRules.requireCreatable(SPEC, spec.subnetIds(), spec.nodeRoleArn());
    return NodegroupCreation.run(scope, eks, ec2, spec, waits.create());
  }

  /** What the account must allow before anything changes: the AMI, instance types, subnets. */
  private static void check(Ec2Client ec2, NodegroupSpec spec, String version) {
    NodegroupCreation.checkAccount(ec2, spec, version);
  }

  private static Optional<Nodegroup> find(EksClient eks, String cluster, String name) {
    return AwsErrors.absentAsEmpty(
        () ->
            Optional.of(
                eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                    .nodegroup()));
  }

  private static ResourceRef ref(String cluster, String name) {
    return ResourceRef.child("nodegroup", cluster, name);
  }
}
