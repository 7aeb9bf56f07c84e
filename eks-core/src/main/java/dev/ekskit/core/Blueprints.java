package dev.ekskit.core;

import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.blueprint.BlueprintOperations;
import dev.ekskit.core.internal.blueprint.BlueprintRun;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Whole clusters as one value, the way {@code eksctl create cluster}, {@code upgrade cluster} and
 * {@code delete cluster} treat them: plan a {@link ClusterBlueprint} without changing anything,
 * apply it (create what is missing, update in place what AWS allows), upgrade it one minor version
 * at a time, delete it with everything it made. Get it from {@link EksKit#blueprints()}.
 *
 * <pre>{@code
 * Blueprints blueprints = kit.blueprints();
 * System.out.println(blueprints.plan(blueprint).render());
 * AppliedBlueprint applied = blueprints.apply(blueprint).await(Duration.ofMinutes(60));
 * blueprints.upgrade(blueprint, "1.34", ApplyOptions.defaults()).join();
 * blueprints.delete(blueprint).join();
 * }</pre>
 *
 * <p>Every operation is resumable with no local state: everything is found again by its name and
 * ekskit's tags, so running the same call after a crash, a lost answer or a cancel finishes the job
 * and makes nothing twice. One deadline bounds each whole operation, and cancelling it stops every
 * branch. Bad input throws {@link InvalidSpecException} before any AWS call; what needs the account
 * (subnets, AMIs, add-on versions, roles an add-on names) fails the operation with one before its
 * first change.
 */
public final class Blueprints {
  private final KitServices kit;

  Blueprints(KitServices kit) {
    this.kit = kit;
  }

  /**
   * What applying {@code blueprint} would do, resource by resource: read from the account with no
   * mutating call. Resolves what apply would use (EKS's default version when the blueprint names
   * none, zones, add-on versions, AMIs). Blocks.
   *
   * @throws InvalidSpecException when the account refuses what the blueprint asks for
   */
  public Plan plan(ClusterBlueprint blueprint) {
    Violations.requireGiven("ClusterBlueprint", "blueprint", blueprint);
    BlueprintRun run = BlueprintRun.prepare(kit, blueprint, ApplyOptions.defaults());
    return BlueprintOperations.plan(kit, run).join();
  }

  /**
   * {@link #plan(ClusterBlueprint)} with the blueprint filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.blueprints().plan(b -> b.cluster(cluster).network(network).clusterRole(role));
   * }</pre>
   */
  public Plan plan(Consumer<ClusterBlueprint.Builder> blueprint) {
    return plan(
        Specs.build(
            "ClusterBlueprint",
            ClusterBlueprint.builder(),
            blueprint,
            ClusterBlueprint.Builder::build));
  }

  /** {@link #apply(ClusterBlueprint, ApplyOptions, ProgressListener)} with the defaults. */
  public Operation<AppliedBlueprint> apply(ClusterBlueprint blueprint) {
    return apply(blueprint, ApplyOptions.defaults(), null);
  }

  /**
   * {@link #apply(ClusterBlueprint)} with the blueprint filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.blueprints().apply(b -> b.cluster(cluster).network(network).clusterRole(role));
   * }</pre>
   */
  public Operation<AppliedBlueprint> apply(Consumer<ClusterBlueprint.Builder> blueprint) {
    return apply(
        Specs.build(
            "ClusterBlueprint",
            ClusterBlueprint.builder(),
            blueprint,
            ClusterBlueprint.Builder::build));
  }

  /** {@link #apply(ClusterBlueprint, ApplyOptions, ProgressListener)} with no extra listener. */
  public Operation<AppliedBlueprint> apply(ClusterBlueprint blueprint, ApplyOptions options) {
    return apply(blueprint, options, null);
  }

  /**
   * Brings the account to the blueprint, stage by stage: network and roles, the cluster, IRSA
   * roles, the add-ons nodes need, access entries, node groups and Fargate profiles, the other
   * add-ons, Pod Identity associations; then deletes the parts removed from the blueprint that
   * carry its tag. Plans first and refuses, before any change, a replacement the options do not
   * allow. A failure once something changed is a {@link PartialCreationException} naming what
   * exists; running apply again finishes the job.
   */
  public Operation<AppliedBlueprint> apply(
      ClusterBlueprint blueprint, ApplyOptions options, ProgressListener listener) {
    Violations.requireGiven("ClusterBlueprint", "blueprint", blueprint);
    Violations.requireGiven("ApplyOptions", "options", options);
    BlueprintRun run = BlueprintRun.prepare(kit, blueprint, options);
    return BlueprintOperations.apply(kit, run, listener);
  }

  /**
   * The upgrade of {@code blueprint}'s cluster to {@code kubernetesVersion}, planned without any
   * change: the preflight's blockers and the steps. Blocks.
   */
  public UpgradePlan planUpgrade(ClusterBlueprint blueprint, String kubernetesVersion) {
    return planUpgrade(blueprint, kubernetesVersion, ApplyOptions.defaults());
  }

  /** {@link #planUpgrade(ClusterBlueprint, String)}, as {@code options} would run it. */
  public UpgradePlan planUpgrade(
      ClusterBlueprint blueprint, String kubernetesVersion, ApplyOptions options) {
    BlueprintRun run = upgradeRun(blueprint, kubernetesVersion, options);
    return BlueprintOperations.planUpgrade(kit, run, kubernetesVersion).join();
  }

  /**
   * {@link #upgrade(ClusterBlueprint, String, ApplyOptions, ProgressListener)} without listener.
   */
  public Operation<AppliedBlueprint> upgrade(
      ClusterBlueprint blueprint, String kubernetesVersion, ApplyOptions options) {
    return upgrade(blueprint, kubernetesVersion, options, null);
  }

  /**
   * Upgrades the cluster to {@code kubernetesVersion}: a preflight (EKS supports the version; no
   * upgrade insight in ERROR unless {@link ApplyOptions#force()}; no node group would end up more
   * than three minor versions behind), refused with every blocker before any change; then the
   * control plane one minor version at a time, the add-ons to the versions their specs mean on the
   * new version, managed node groups (rolling, as EKS does) and self-managed ones (a new launch
   * template version and an instance refresh), each waited. Use {@code blueprint} with the new
   * version afterwards, or apply will refuse to go back.
   */
  public Operation<AppliedBlueprint> upgrade(
      ClusterBlueprint blueprint,
      String kubernetesVersion,
      ApplyOptions options,
      ProgressListener listener) {
    BlueprintRun run = upgradeRun(blueprint, kubernetesVersion, options);
    return BlueprintOperations.upgrade(kit, run, kubernetesVersion, listener);
  }

  /** {@link #delete(ClusterBlueprint, DeleteOptions)} with the defaults. */
  public Operation<BlueprintDeletion> delete(ClusterBlueprint blueprint) {
    return delete(blueprint, DeleteOptions.defaults());
  }

  /**
   * Deletes everything the blueprint made, in reverse: see {@link #delete(String, DeleteOptions,
   * ProgressListener)}. The blueprint names the network to delete.
   */
  public Operation<BlueprintDeletion> delete(ClusterBlueprint blueprint, DeleteOptions options) {
    Violations.requireGiven("ClusterBlueprint", "blueprint", blueprint);
    return start(
        blueprint.clusterName(), blueprint.network().map(network -> network.name()), options, null);
  }

  /** {@link #delete(String, DeleteOptions, ProgressListener)} with no extra listener. */
  public Operation<BlueprintDeletion> delete(String clusterName, DeleteOptions options) {
    return delete(clusterName, options, null);
  }

  /**
   * Deletes the cluster's blueprint with nothing but its name. First looks for load balancers,
   * target groups and security groups Kubernetes controllers left in the VPC (tags {@code
   * elbv2.k8s.aws/cluster}, {@code kubernetes.io/cluster/<name>}): unless {@link
   * DeleteOptions#deleteLoadBalancers()}, it refuses with a {@link DeletionRefusedException}
   * listing them, deleting nothing. Then the cluster with its Fargate profiles (one at a time),
   * node groups, add-ons and everything the kit's modules made for it, the roles and OIDC provider
   * made for it, the leftovers when asked, and the network the blueprint made (found by its tag).
   * Resumable: run it again after a crash.
   */
  public Operation<BlueprintDeletion> delete(
      String clusterName, DeleteOptions options, ProgressListener listener) {
    Violations v = new Violations("cluster name");
    v.eksName("clusterName", clusterName, 100);
    v.throwIfAny();
    return start(clusterName, Optional.empty(), options, listener);
  }

  private Operation<BlueprintDeletion> start(
      String cluster, Optional<String> network, DeleteOptions options, ProgressListener listener) {
    Violations.requireGiven("DeleteOptions", "options", options);
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    ElasticLoadBalancingV2Client elb = kit.client(ElasticLoadBalancingV2Client.class);
    List<CascadeStep> steps = kit.cascadeSteps(options);
    steps.forEach(CascadeStep::verify);
    return BlueprintOperations.delete(
        kit, cluster, network, options, listener, eks, ec2, elb, steps);
  }

  private BlueprintRun upgradeRun(
      ClusterBlueprint blueprint, String kubernetesVersion, ApplyOptions options) {
    Violations.requireGiven("ClusterBlueprint", "blueprint", blueprint);
    Violations.requireGiven("ApplyOptions", "options", options);
    Violations v = new Violations("ClusterUpgrade");
    v.kubernetesVersion("kubernetesVersion", kubernetesVersion);
    v.throwIfAny();
    return BlueprintRun.prepare(kit, blueprint.withKubernetesVersion(kubernetesVersion), options);
  }
}
