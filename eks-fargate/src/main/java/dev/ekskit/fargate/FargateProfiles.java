package dev.ekskit.fargate;

import dev.ekskit.core.Deleted;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.EksResources;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.TurnKeys;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.fargate.internal.CoreDnsOnFargate;
import dev.ekskit.fargate.internal.FargateOnlyRules;
import dev.ekskit.fargate.internal.FargateSpecRules;
import dev.ekskit.fargate.internal.PodExecutionRoleCreation;
import dev.ekskit.fargate.internal.ProfileCreation;
import dev.ekskit.fargate.internal.ProfileMapping;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Fargate profiles of a kit's clusters, and the pod execution role they run with. One per kit, made
 * when the kit is built; it uses the kit's clients (EKS, EC2, and IAM for the role).
 *
 * <pre>{@code
 * FargateProfiles fargate = FargateProfiles.of(kit);
 * String role = fargate
 *     .createPodExecutionRole(PodExecutionRoleSpec.of("orders", "orders-fargate-pods")).join();
 * FargateProfileSpec.Builder common = FargateProfileSpec.builder()
 *     .clusterName("orders").podExecutionRoleArn(role).subnetIds(privateSubnets);
 * fargate.makeFargateOnly(List.of(
 *         common.name("system").addSelectors(FargateSelector.of("kube-system")).build(),
 *         common.name("web").selectors(List.of(FargateSelector.of("web-*"))).build()))
 *     .join();                          // profiles one after another, then CoreDNS on Fargate
 * fargate.delete("orders", "web").join();
 * }</pre>
 *
 * <p>EKS lets one profile of a cluster be CREATING or DELETING at a time. Creates and deletes on
 * the same cluster therefore run one after another in the order they were asked for, kit-wide and
 * in the same line as the kit's cascade delete, without holding a thread; a 409 caused by another
 * process is retried until its change is done ({@link
 * dev.ekskit.core.RetrySettings#forResourceInUse()}) and never reaches the caller.
 *
 * <p>Every method asks the kit for its clients before it returns, so a kit without one fails at
 * once with an {@link InvalidSpecException} naming the builder method to call.
 */
public final class FargateProfiles {
  private final KitContext kit;

  FargateProfiles(KitContext kit) {
    this.kit = kit;
  }

  /**
   * The Fargate profiles of {@code kit}.
   *
   * @throws InvalidSpecException when eks-fargate's module is not installed in {@code kit}
   */
  public static FargateProfiles of(EksKit kit) {
    return kit.extension(FargateProfiles.class);
  }

  /**
   * Checks that the subnets exist and are private, then creates the profile (or adopts an equal
   * one) in its turn on the cluster and waits until it is ACTIVE.
   *
   * @throws InvalidSpecException at once, before any AWS call, when the spec names no pod execution
   *     role or no subnet (only a blueprint may leave them out); through the operation, before any
   *     mutating call, for missing or public subnets
   */
  public Operation<FargateProfileInfo> create(FargateProfileSpec spec) {
    Violations.requireGiven("FargateProfileSpec", "spec", spec);
    FargateSpecRules.requireCreatable(spec);
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return inTurn(
        ProfileMapping.ref(spec.clusterName(), spec.name()),
        spec.clusterName(),
        scope -> ProfileCreation.run(scope, eks, ec2, spec));
  }

  /**
   * {@link #create(FargateProfileSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * fargate.create(p -> p.clusterName("orders").name("batch").addSelectors(FargateSelector.of("batch")));
   * }</pre>
   */
  public Operation<FargateProfileInfo> create(Consumer<FargateProfileSpec.Builder> spec) {
    return create(
        Specs.build(
            "FargateProfileSpec",
            FargateProfileSpec.builder(),
            spec,
            FargateProfileSpec.Builder::build));
  }

  /**
   * Deletes the profile in its turn and waits until it is gone. The result says whether this run
   * deleted it or found none.
   *
   * <pre>{@code
   * Deleted system = profiles.delete("orders", "system").join();
   * }</pre>
   */
  public Operation<Deleted> delete(String clusterName, String profileName) {
    EksClient eks = kit.client(EksClient.class);
    return inTurn(
        ProfileMapping.ref(clusterName, profileName),
        clusterName,
        scope ->
            EksResources.fargateProfileDeletion(eks, clusterName, profileName)
                .run(scope)
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }

  /**
   * Makes a cluster without EC2 capacity Fargate-only: creates (or adopts) {@code profiles} in
   * order, then installs or updates the {@code coredns} add-on with {@code
   * {"computeType":"Fargate"}} and waits until it is ACTIVE (DEGRADED while Fargate starts its pods
   * is waited out). Returns the profiles. One operation: cancelling it starts no further profile.
   *
   * @param profiles profiles of one cluster, each naming its role and subnets, at least one of them
   *     selecting {@code kube-system} (without labels, or with {@code k8s-app=kube-dns}) so that
   *     CoreDNS has somewhere to run
   * @throws InvalidSpecException at once, before any AWS call, when that does not hold
   */
  public Operation<List<FargateProfileInfo>> makeFargateOnly(List<FargateProfileSpec> profiles) {
    Violations.requireGiven("FargateProfileSpec", "profiles", profiles);
    String clusterName = FargateOnlyRules.requireValid(profiles);
    EksClient eks = kit.client(EksClient.class);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(
        ResourceRef.cluster(clusterName),
        null,
        scope ->
            scope
                .serialized(
                    TurnKeys.fargateProfiles(clusterName),
                    () ->
                        scope.sequence(
                            profiles, spec -> ProfileCreation.run(scope, eks, ec2, spec)))
                .thenCompose(
                    created ->
                        CoreDnsOnFargate.run(scope, eks, clusterName)
                            .thenApply(coreDns -> created)));
  }

  /**
   * Creates (or adopts) the pod execution role of a cluster's Fargate profiles and returns its ARN.
   * See {@link PodExecutionRoleSpec} for what the role allows.
   */
  public Operation<String> createPodExecutionRole(PodExecutionRoleSpec spec) {
    Violations.requireGiven("PodExecutionRoleSpec", "spec", spec);
    EksClient eks = kit.client(EksClient.class);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        PodExecutionRoleCreation.ref(spec),
        null,
        scope -> PodExecutionRoleCreation.run(scope, eks, iam, spec));
  }

  /**
   * {@link #createPodExecutionRole(PodExecutionRoleSpec)} with the spec filled in on a fresh
   * builder.
   *
   * <pre>{@code
   * fargate.createPodExecutionRole(r -> r.clusterName("orders").roleName("orders-pods"));
   * }</pre>
   */
  public Operation<String> createPodExecutionRole(Consumer<PodExecutionRoleSpec.Builder> spec) {
    return createPodExecutionRole(
        Specs.build(
            "PodExecutionRoleSpec",
            PodExecutionRoleSpec.builder(),
            spec,
            PodExecutionRoleSpec.Builder::build));
  }

  /**
   * Starts {@code work} as an operation on {@code ref}, in the cluster's turn: taken now, in the
   * caller's thread, so the order of calls is the order of changes.
   */
  private <T> Operation<T> inTurn(
      ResourceRef ref, String clusterName, Function<Scope, CompletableFuture<T>> work) {
    return kit.start(
        ref,
        null,
        scope -> scope.serialized(TurnKeys.fargateProfiles(clusterName), () -> work.apply(scope)));
  }
}
