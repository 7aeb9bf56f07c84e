package dev.ekskit.nodes;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.internal.CascadeParts;
import dev.ekskit.core.internal.KitAccess;
import dev.ekskit.core.internal.KitResources;
import dev.ekskit.nodes.internal.AmiResolution;
import dev.ekskit.nodes.internal.LazyClient;
import dev.ekskit.nodes.internal.SelfManagedCascade;
import dev.ekskit.nodes.internal.SelfManagedClients;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Worker nodes for the clusters of an {@link EksKit}: AMI resolution and checks, managed and
 * self-managed node groups, launch templates. While it is open, {@code kit.clusters().delete(..)}
 * also deletes the cluster's self-managed node groups. Uses the kit's engine (scheduler, retries,
 * polling) and its EKS and EC2 clients, plus SSM, IAM and Auto Scaling clients: the ones given to
 * the builder, or ones from the SDK's default chain made on first use, which this object then
 * closes.
 *
 * <pre>{@code
 * try (Nodegroups nodegroups = Nodegroups.builder(kit).ssmClient(ssm).build()) {
 *   ResolvedAmi ami = nodegroups.amis().resolve(AmiChoice.defaultChoice(), "1.33").join();
 *   nodegroups.selfManaged().create(spec).join();
 * }
 * }</pre>
 */
public final class Nodegroups implements AutoCloseable {
  private final LazyClient<SsmClient> ssm;
  private final LazyClient<IamClient> iam;
  private final LazyClient<AutoScalingClient> autoScaling;
  private final Amis amis;
  private final ManagedNodegroups managed;
  private final SelfManagedNodegroups selfManaged;
  private final LaunchTemplates launchTemplates;
  private final CascadeParts cascadeParts;
  private final SelfManagedCascade cascade;

  private Nodegroups(Builder builder) {
    KitResources kit = KitAccess.resources(builder.kit);
    var made = kit.made();
    this.ssm = new LazyClient<>(builder.ssm, () -> made.configured(SsmClient.builder()).build());
    // IAM is global: its clients are made for the global region whatever the kit's region is.
    this.iam =
        new LazyClient<>(
            builder.iam,
            () -> made.configured(IamClient.builder()).region(Region.AWS_GLOBAL).build());
    this.autoScaling =
        new LazyClient<>(
            builder.autoScaling, () -> made.configured(AutoScalingClient.builder()).build());
    AmiResolution resolution = new AmiResolution(ssm, kit.ec2(), kit.engine().clock());
    this.amis = new Amis(kit.engine(), kit.ec2(), resolution);
    this.managed = new ManagedNodegroups(kit.engine(), kit.eks(), kit.ec2());
    var selfManagedClients =
        new SelfManagedClients(kit.eks(), kit.ec2(), iam, autoScaling, resolution);
    this.selfManaged = new SelfManagedNodegroups(kit.engine(), selfManagedClients);
    this.launchTemplates = new LaunchTemplates(kit.engine(), kit.ec2());
    // While this is open, the kit's cluster delete also removes self-managed node groups.
    this.cascadeParts = kit.cascadeParts();
    this.cascade =
        new SelfManagedCascade(selfManagedClients, SelfManagedNodegroups.SELF_MANAGED_DELETE);
    cascadeParts.register(cascade);
  }

  /** With SSM, IAM and Auto Scaling clients from the SDK's default chain. */
  public static Nodegroups of(EksKit kit) {
    return builder(kit).build();
  }

  public static Builder builder(EksKit kit) {
    return new Builder(Objects.requireNonNull(kit, "kit"));
  }

  public Amis amis() {
    return amis;
  }

  public ManagedNodegroups managed() {
    return managed;
  }

  public SelfManagedNodegroups selfManaged() {
    return selfManaged;
  }

  public LaunchTemplates launchTemplates() {
    return launchTemplates;
  }

  /**
   * Closes the clients this object made (clients given to the builder stay open); the kit's cluster
   * delete no longer includes self-managed node groups.
   */
  @Override
  public void close() {
    cascadeParts.unregister(cascade);
    ssm.close();
    iam.close();
    autoScaling.close();
  }

  /** Optional clients; each absent one comes from the SDK's default chain. */
  public static final class Builder {
    private final EksKit kit;
    private SsmClient ssm;
    private IamClient iam;
    private AutoScalingClient autoScaling;

    private Builder(EksKit kit) {
      this.kit = kit;
    }

    public Builder ssmClient(SsmClient ssm) {
      this.ssm = Objects.requireNonNull(ssm, "ssm");
      return this;
    }

    /** For self-managed node groups' instance profiles and checks. */
    public Builder iamClient(IamClient iam) {
      this.iam = Objects.requireNonNull(iam, "iam");
      return this;
    }

    /** For self-managed node groups' Auto Scaling groups. */
    public Builder autoScalingClient(AutoScalingClient autoScaling) {
      this.autoScaling = Objects.requireNonNull(autoScaling, "autoScaling");
      return this;
    }

    public Nodegroups build() {
      return new Nodegroups(this);
    }
  }
}
