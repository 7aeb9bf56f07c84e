package dev.ekskit.nodes;

import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;
import dev.ekskit.nodes.internal.AmiResolution;
import dev.ekskit.nodes.internal.ManagedNodegroupPart;
import dev.ekskit.nodes.internal.SelfManagedCascade;
import dev.ekskit.nodes.internal.SelfManagedNodegroupPart;

/**
 * Plugs eks-nodes into every kit built while it is on the class path (through {@code
 * META-INF/services}): the kit's {@link Nodegroups}; {@link NodegroupSpec} and {@link
 * SelfManagedNodegroupSpec} as parts of a {@link dev.ekskit.core.ClusterBlueprint} ("managed node
 * group" and "self-managed node group" in plans); and a cascade step so that {@code
 * kit.clusters().delete(name)} also removes the cluster's self-managed node groups, which EKS does
 * not know. Users never call it.
 *
 * <pre>{@code
 * EksKit kit = EksKit.builder().addModule(new NodesModule()).build();   // only where discovery is off
 * }</pre>
 */
public final class NodesModule implements KitModule {
  @Override
  public void install(KitContext kit) {
    AmiResolution amis = new AmiResolution(kit);
    kit.expose(Nodegroups.class, new Nodegroups(kit, amis));
    kit.addBlueprintPart(
        new ManagedNodegroupPart(
            new ManagedNodegroupPart.WaitKinds(
                NodeWaitKinds.NODEGROUP_CREATE,
                NodeWaitKinds.NODEGROUP_SCALE,
                NodeWaitKinds.NODEGROUP_VERSION_UPDATE)));
    kit.addBlueprintPart(
        new SelfManagedNodegroupPart(
            amis,
            new SelfManagedNodegroupPart.WaitKinds(
                NodeWaitKinds.SELF_MANAGED_CREATE,
                NodeWaitKinds.SELF_MANAGED_DELETE,
                NodeWaitKinds.SELF_MANAGED_REFRESH)));
    kit.addCascadeStep(new SelfManagedCascade(kit, NodeWaitKinds.SELF_MANAGED_DELETE));
  }
}
