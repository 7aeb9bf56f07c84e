package dev.ekskit.nodes;

import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;
import dev.ekskit.nodes.internal.SelfManagedCascade;

/**
 * Plugs eks-nodes into every kit built while it is on the class path (through {@code
 * META-INF/services}): the kit's {@link Nodegroups}, and a cascade step so that {@code
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
    Nodegroups nodegroups = new Nodegroups(kit);
    kit.expose(Nodegroups.class, nodegroups);
    kit.addCascadeStep(new SelfManagedCascade(kit, SelfManagedNodegroups.SELF_MANAGED_DELETE));
  }
}
