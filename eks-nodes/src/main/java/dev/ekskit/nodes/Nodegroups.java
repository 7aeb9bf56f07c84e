package dev.ekskit.nodes;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.internal.KitAccess;
import dev.ekskit.core.internal.KitResources;
import dev.ekskit.nodes.internal.AmiResolution;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Worker nodes for the clusters of an {@link EksKit}: AMI resolution and checks. Uses the kit's
 * engine (scheduler, retries, polling) and its EKS and EC2 clients, plus an SSM client: the one
 * given to the builder, or one from the SDK's default chain, which this object then closes.
 *
 * <pre>{@code
 * try (Nodegroups nodegroups = Nodegroups.builder(kit).ssmClient(ssm).build()) {
 *   ResolvedAmi ami = nodegroups.amis().resolve(AmiChoice.defaultChoice(), "1.33").join();
 * }
 * }</pre>
 */
public final class Nodegroups implements AutoCloseable {
  private final SsmClient madeSsm;
  private final Amis amis;

  private Nodegroups(Builder builder) {
    KitResources kit = KitAccess.resources(builder.kit);
    this.madeSsm = builder.ssm == null ? SsmClient.create() : null;
    SsmClient ssm = builder.ssm == null ? madeSsm : builder.ssm;
    this.amis =
        new Amis(kit.engine(), kit.ec2(), new AmiResolution(ssm, kit.ec2(), kit.engine().clock()));
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

  /** Closes the clients this object made; clients given to the builder stay open. */
  @Override
  public void close() {
    if (madeSsm != null) {
      madeSsm.close();
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
