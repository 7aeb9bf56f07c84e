package dev.ekskit.nodes;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.internal.KitAccess;
import dev.ekskit.core.internal.KitResources;
import dev.ekskit.nodes.internal.AmiResolution;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Worker nodes for the clusters of an {@link EksKit}: AMI resolution and checks, managed node
 * groups, launch templates. Uses the kit's engine (scheduler, retries, polling) and its EKS and EC2
 * clients, plus an SSM client: the one given to the builder, or one from the SDK's default chain
 * (made on first use), which this object then closes.
 *
 * <pre>{@code
 * try (Nodegroups nodegroups = Nodegroups.builder(kit).ssmClient(ssm).build()) {
 *   ResolvedAmi ami = nodegroups.amis().resolve(AmiChoice.defaultChoice(), "1.33").join();
 * }
 * }</pre>
 */
public final class Nodegroups implements AutoCloseable {
  private final Object lock = new Object();
  private final SsmClient givenSsm;
  private SsmClient madeSsm;
  private final Amis amis;
  private final ManagedNodegroups managed;
  private final LaunchTemplates launchTemplates;

  private Nodegroups(Builder builder) {
    KitResources kit = KitAccess.resources(builder.kit);
    this.givenSsm = builder.ssm;
    this.amis =
        new Amis(
            kit.engine(), kit.ec2(), new AmiResolution(this::ssm, kit.ec2(), kit.engine().clock()));
    this.managed = new ManagedNodegroups(kit.engine(), kit.eks(), kit.ec2());
    this.launchTemplates = new LaunchTemplates(kit.engine(), kit.ec2());
  }

  /** With an SSM client from the SDK's default chain. */
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

  public LaunchTemplates launchTemplates() {
    return launchTemplates;
  }

  /** Closes the clients this object made; clients given to the builder stay open. */
  @Override
  public void close() {
    synchronized (lock) {
      if (madeSsm != null) {
        madeSsm.close();
      }
    }
  }

  /** The given SSM client, or one from the default chain made on first use. */
  private SsmClient ssm() {
    if (givenSsm != null) {
      return givenSsm;
    }
    synchronized (lock) {
      if (madeSsm == null) {
        madeSsm = SsmClient.create();
      }
      return madeSsm;
    }
  }

  /** Optional clients; each absent one comes from the SDK's default chain. */
  public static final class Builder {
    private final EksKit kit;
    private SsmClient ssm;

    private Builder(EksKit kit) {
      this.kit = kit;
    }

    public Builder ssmClient(SsmClient ssm) {
      this.ssm = Objects.requireNonNull(ssm, "ssm");
      return this;
    }

    public Nodegroups build() {
      return new Nodegroups(this);
    }
  }
}
