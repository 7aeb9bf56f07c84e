package dev.ekskit.fargate;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.ChildDeletions;
import dev.ekskit.core.internal.DefaultOperation;
import dev.ekskit.core.internal.KitAccess;
import dev.ekskit.core.internal.KitResources;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.fargate.internal.ClusterTurns;
import dev.ekskit.fargate.internal.CoreDnsOnFargate;
import dev.ekskit.fargate.internal.FargateOnlyRules;
import dev.ekskit.fargate.internal.PodExecutionRoleCreation;
import dev.ekskit.fargate.internal.ProfileCreation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Fargate profiles of a kit's clusters, and the pod execution role they run with.
 *
 * <pre>{@code
 * try (FargateProfiles fargate = FargateProfiles.of(kit)) {
 *     String role = fargate
 *         .createPodExecutionRole(PodExecutionRoleSpec.of("orders", "orders-fargate-pods")).join();
 *     FargateProfileSpec.Builder common = FargateProfileSpec.builder()
 *         .clusterName("orders").podExecutionRoleArn(role).subnetIds(privateSubnets);
 *     fargate.makeFargateOnly(List.of(
 *             common.name("system").addSelectors(FargateSelector.of("kube-system")).build(),
 *             common.name("web").selectors(List.of(FargateSelector.of("web-*"))).build()))
 *         .join();                          // profiles one after another, then CoreDNS on Fargate
 *     fargate.delete("orders", "web").join();
 * }
 * }</pre>
 *
 * <p>EKS lets one profile of a cluster be CREATING or DELETING at a time. Creates and deletes on
 * the same cluster therefore run one after another in the order they were asked for (per kit,
 * whichever {@code FargateProfiles} asked), without holding a thread; a 409 caused by another
 * process is retried until its change is done ({@link
 * dev.ekskit.core.RetrySettings#forResourceInUse()}) and never reaches the caller.
 */
public final class FargateProfiles implements AutoCloseable {
  private final KitResources resources;
  private final IamClient givenIam;
  private final ClusterTurns turns;
  private IamClient madeIam;

  private FargateProfiles(KitResources resources, IamClient iam) {
    this.resources = resources;
    this.givenIam = iam;
    this.turns = ClusterTurns.of(resources.engine());
  }

  /** Fargate profiles of {@code kit}'s clusters, with an IAM client from the default chain. */
  public static FargateProfiles of(EksKit kit) {
    return builder(kit).build();
  }

  public static Builder builder(EksKit kit) {
    return new Builder(kit);
  }

  /**
   * Checks that the subnets exist and are private, then creates the profile (or adopts an equal
   * one) in its turn on the cluster and waits until it is ACTIVE.
   *
   * @throws InvalidSpecException through the operation, before any mutating call, for missing or
   *     public subnets
   */
  public Operation<FargateProfileInfo> create(FargateProfileSpec spec) {
    OperationContext context = context(spec.clusterName(), spec.name());
    // The turn is taken here, in the caller's thread: the order of calls is the order of changes.
    CompletableFuture<FargateProfileInfo> inTurn =
        turns.enqueue(
            spec.clusterName(),
            () -> ProfileCreation.run(context, resources.eks(), resources.ec2(), spec));
    return DefaultOperation.start(context, ctx -> inTurn);
  }

  /** Deletes the profile in its turn and waits until it is gone; true when this call deleted it. */
  public Operation<Boolean> delete(String clusterName, String profileName) {
    OperationContext context = context(clusterName, profileName);
    CompletableFuture<Boolean> inTurn =
        turns.enqueue(
            clusterName,
            () ->
                ChildDeletions.fargateProfile(resources.eks(), clusterName, profileName)
                    .run(context));
    return DefaultOperation.start(context, ctx -> inTurn);
  }

  /**
   * Makes a cluster without EC2 capacity Fargate-only: creates (or adopts) {@code profiles} in
   * order, then installs or updates the {@code coredns} add-on with {@code
   * {"computeType":"Fargate"}} and waits until it is ACTIVE (DEGRADED while Fargate starts its pods
   * is waited out). Returns the profiles.
   *
   * @param profiles profiles of one cluster, at least one of them selecting {@code kube-system}
   *     (without labels, or with {@code k8s-app=kube-dns}) so that CoreDNS has somewhere to run
   * @throws InvalidSpecException at once, before any AWS call, when that does not hold
   */
  public Operation<List<FargateProfileInfo>> makeFargateOnly(List<FargateProfileSpec> profiles) {
    String clusterName = FargateOnlyRules.requireValid(profiles);
    OperationContext context =
        new OperationContext(resources.engine(), ResourceRef.cluster(clusterName), null);
    List<CompletableFuture<FargateProfileInfo>> created =
        profiles.stream()
            .map(
                spec ->
                    turns.enqueue(
                        clusterName,
                        () -> ProfileCreation.run(context, resources.eks(), resources.ec2(), spec)))
            .toList();
    CompletableFuture<List<FargateProfileInfo>> all =
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new))
            .thenCompose(done -> CoreDnsOnFargate.run(context, resources.eks(), clusterName))
            .thenApply(coreDns -> created.stream().map(CompletableFuture::join).toList());
    return DefaultOperation.start(context, ctx -> all);
  }

  /**
   * Creates (or adopts) the pod execution role of a cluster's Fargate profiles and returns its ARN.
   * See {@link PodExecutionRoleSpec} for what the role allows.
   */
  public Operation<String> createPodExecutionRole(PodExecutionRoleSpec spec) {
    OperationContext context =
        new OperationContext(
            resources.engine(),
            ResourceRef.child("iam-role", spec.clusterName(), spec.roleName()),
            null);
    return DefaultOperation.start(
        context, ctx -> PodExecutionRoleCreation.run(ctx, resources.eks(), iam(), spec));
  }

  /** The client given to the builder, else one from the default chain, made on first use. */
  private synchronized IamClient iam() {
    if (givenIam != null) {
      return givenIam;
    }
    if (madeIam == null) {
      madeIam = resources.made().configured(IamClient.builder()).region(Region.AWS_GLOBAL).build();
    }
    return madeIam;
  }

  /** Closes the IAM client this object made; a client given to the builder stays open. */
  @Override
  public synchronized void close() {
    if (madeIam != null) {
      madeIam.close();
    }
  }

  private OperationContext context(String clusterName, String profileName) {
    return new OperationContext(
        resources.engine(), ResourceRef.child("fargate-profile", clusterName, profileName), null);
  }

  /** Options of {@link FargateProfiles}. */
  public static final class Builder {
    private final EksKit kit;
    private IamClient iam;

    private Builder(EksKit kit) {
      this.kit = Objects.requireNonNull(kit, "kit");
    }

    /** The IAM client for the pod execution role; default: the SDK's default chain (global). */
    public Builder iamClient(IamClient client) {
      this.iam = Objects.requireNonNull(client, "client");
      return this;
    }

    public FargateProfiles build() {
      return new FargateProfiles(KitAccess.resources(kit), iam);
    }
  }
}
