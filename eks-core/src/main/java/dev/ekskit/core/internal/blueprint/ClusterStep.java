package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.AutoMode;
import dev.ekskit.core.ClusterConfigUpdate;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.ClusterCreation;
import dev.ekskit.core.internal.ClusterDiff;
import dev.ekskit.core.internal.ClusterMapping;
import dev.ekskit.core.internal.ClusterUpdates;
import dev.ekskit.core.internal.ClusterWaits;
import dev.ekskit.core.internal.VersionStep;
import dev.ekskit.core.internal.access.AuthenticationModes;
import dev.ekskit.core.internal.addons.BootstrapAddons;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintStage;
import dev.ekskit.core.spi.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * The blueprint's cluster: created with the role and subnets the blueprint made, or brought to its
 * spec in place: logging and endpoint access, the authentication mode (forward only), and the
 * Kubernetes version, one minor version at a time. Anything else that differs needs a new cluster,
 * which a blueprint never makes in place of one.
 */
final class ClusterStep extends CoreStep<ClusterSpec> {
  private static final Set<String> CONFIG =
      Set.of("endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs", "logTypes");
  private static final String VERSION = "kubernetesVersion";
  private static final String AUTHENTICATION = "authenticationMode";

  ClusterStep(BlueprintRun run) {
    super(run, ClusterSpec.class, "cluster");
  }

  @Override
  public String name(ClusterSpec spec) {
    return spec.name();
  }

  @Override
  public BlueprintStage stage(ClusterSpec spec) {
    return BlueprintStage.CLUSTER;
  }

  @Override
  public PlannedChange plan(ClusterSpec spec, BlueprintContext blueprint) {
    Optional<Cluster> found = ClusterWaits.find(run.eks(), spec.name());
    if (found.isEmpty()) {
      return PlannedChange.create(kind(), spec.name(), "Kubernetes " + run.kubernetesVersion());
    }
    Cluster cluster = found.get();
    run.cluster(ClusterMapping.info(cluster));
    List<FieldDifference> differences = ClusterDiff.between(complete(spec), cluster);
    Set<String> updatable = new HashSet<>(CONFIG);
    if (AuthenticationModes.isForward(cluster, spec.authenticationMode())) {
      updatable.add(AUTHENTICATION);
    }
    if (VersionStep.minorsAhead(run.kubernetesVersion(), cluster.version()) > 0) {
      updatable.add(VERSION);
    }
    return PlannedChange.compare(
        kind(),
        spec.name(),
        differences,
        updatable,
        "Kubernetes " + cluster.version() + ", " + cluster.statusAsString());
  }

  @Override
  public CompletableFuture<PlannedChange> apply(
      Scope scope, ClusterSpec spec, BlueprintContext blueprint) {
    Scope own = scope.resource().equals(run.clusterRef()) ? scope : scope.child(run.clusterRef());
    // Run even when nothing differs: a cluster a stopped run left CREATING is waited for.
    return compareThen(
        own,
        spec,
        true,
        change ->
            (change.action() == PlanAction.CREATE
                    ? ClusterCreation.run(own, run.eks(), run.ec2(), complete(spec))
                    : inPlace(own, complete(spec), change))
                .thenAccept(run::cluster));
  }

  /** Waits until the cluster is ACTIVE, then each change EKS makes in place, one at a time. */
  private CompletableFuture<ClusterInfo> inPlace(
      Scope scope, ClusterSpec spec, PlannedChange change) {
    Set<String> fields = new HashSet<>();
    change.differences().forEach(d -> fields.add(d.field()));
    CompletableFuture<?> chain =
        ClusterWaits.active(scope, run.eks(), scope.policy(WaitKind.RESUME));
    Optional<ClusterConfigUpdate> config = configUpdate(spec, fields);
    if (config.isPresent()) {
      chain = chain.thenCompose(active -> ClusterUpdates.config(scope, run.eks(), config.get()));
    }
    if (fields.contains(AUTHENTICATION)) {
      chain =
          chain.thenCompose(
              done -> AuthenticationModes.change(scope, run.eks(), spec.authenticationMode()));
    }
    String from = run.cluster().map(ClusterInfo::kubernetesVersion).orElseThrow();
    List<String> hops = VersionStep.hops(from, run.kubernetesVersion());
    chain =
        chain.thenCompose(
            done -> scope.sequence(hops, hop -> ClusterUpdates.version(scope, run.eks(), hop)));
    if (BootstrapAddons.wanted(spec)) {
      chain = chain.thenCompose(done -> BootstrapAddons.run(scope, run.eks(), spec));
    }
    return chain.thenCompose(
        done ->
            scope.call(
                Steps.DESCRIBE,
                () ->
                    ClusterMapping.info(ClusterWaits.find(run.eks(), spec.name()).orElseThrow())));
  }

  private static Optional<ClusterConfigUpdate> configUpdate(ClusterSpec spec, Set<String> fields) {
    ClusterConfigUpdate.Builder update = ClusterConfigUpdate.builder();
    boolean any = false;
    if (fields.contains("logTypes")) {
      update.enabledLogTypes(spec.logTypes());
      any = true;
    }
    if (fields.contains("endpointPublicAccess")
        || fields.contains("endpointPrivateAccess")
        || fields.contains("publicAccessCidrs")) {
      update
          .endpointPublicAccess(spec.endpointPublicAccess())
          .endpointPrivateAccess(spec.endpointPrivateAccess());
      if (spec.endpointPublicAccess()) {
        update.publicAccessCidrs(
            spec.publicAccessCidrs().isEmpty() ? List.of("0.0.0.0/0") : spec.publicAccessCidrs());
      }
      any = true;
    }
    return any ? Optional.of(update.build()) : Optional.empty();
  }

  /**
   * The spec as the blueprint applies it: at the target version, with the role, subnets and
   * control-plane security group it made, the Auto Mode node role, and its tag.
   */
  ClusterSpec complete(ClusterSpec spec) {
    ClusterSpec.Builder complete =
        spec.toBuilder().kubernetesVersion(run.kubernetesVersion()).tags(run.tags(spec.tags()));
    if (spec.roleArn().isEmpty()) {
      run.clusterRoleArn().ifPresent(complete::roleArn);
    }
    Optional<NetworkInfo> network = run.network();
    if (spec.subnetIds().isEmpty() && network.isPresent()) {
      Set<String> groups = new LinkedHashSet<>(spec.securityGroupIds());
      groups.add(network.get().controlPlaneSecurityGroupId());
      complete.subnetIds(network.get().subnetIds()).securityGroupIds(new ArrayList<>(groups));
    }
    spec.autoMode()
        .filter(auto -> auto.nodeRoleArn().isEmpty() && !auto.nodePools().isEmpty())
        .flatMap(auto -> run.nodeRoleArn().map(role -> withNodeRole(auto, role)))
        .ifPresent(complete::autoMode);
    return complete.build();
  }

  private static AutoMode withNodeRole(AutoMode auto, String role) {
    return auto.toBuilder().nodeRoleArn(role).build();
  }
}
