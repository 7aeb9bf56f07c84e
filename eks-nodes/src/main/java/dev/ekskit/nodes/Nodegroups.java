package dev.ekskit.nodes;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.nodes.internal.AmiResolution;
import java.util.Objects;

/**
 * Worker nodes for the clusters of an {@link EksKit}: AMI resolution and checks, managed and
 * self-managed node groups, launch templates. One per kit, found with {@link #of(EksKit)}; it uses
 * the kit's engine and clients (EKS and EC2, plus SSM for AMIs and IAM and Auto Scaling for
 * self-managed groups). While eks-nodes is on the class path, {@code kit.clusters().delete(..)}
 * also deletes the cluster's self-managed node groups.
 *
 * <pre>{@code
 * Nodegroups nodegroups = Nodegroups.of(kit);
 * ResolvedAmi ami = nodegroups.amis().resolve(AmiChoice.defaultChoice(), "1.33").join();
 * nodegroups.selfManaged().create(spec).join();
 * }</pre>
 */
public final class Nodegroups {
  private final Amis amis;
  private final ManagedNodegroups managed;
  private final SelfManagedNodegroups selfManaged;
  private final LaunchTemplates launchTemplates;

  /**
   * @param resolution the kit's AMI lookups and their cache, shared with its blueprint parts
   */
  Nodegroups(KitContext kit, AmiResolution resolution) {
    this.amis = new Amis(kit, resolution);
    this.managed = new ManagedNodegroups(kit);
    this.selfManaged = new SelfManagedNodegroups(kit, resolution);
    this.launchTemplates = new LaunchTemplates(kit);
  }

  /**
   * The node groups of {@code kit}.
   *
   * @throws InvalidSpecException when the kit was built without eks-nodes' module
   */
  public static Nodegroups of(EksKit kit) {
    return Objects.requireNonNull(kit, "kit").extension(Nodegroups.class);
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
}
