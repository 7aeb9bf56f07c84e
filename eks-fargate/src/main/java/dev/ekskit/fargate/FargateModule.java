package dev.ekskit.fargate;

import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;

/**
 * Plugs Fargate profiles into every kit built while eks-fargate is on the class path (registered in
 * {@code META-INF/services/dev.ekskit.core.spi.KitModule}); users never call it. Core's cascade
 * delete already removes a cluster's Fargate profiles, so the module adds no cascade step.
 *
 * <pre>{@code
 * try (EksKit kit = EksKit.create()) {             // installs FargateModule
 *   FargateProfiles fargate = FargateProfiles.of(kit);
 *   fargate.create(spec).join();
 * }
 * }</pre>
 */
public final class FargateModule implements KitModule {
  @Override
  public void install(KitContext kit) {
    kit.expose(FargateProfiles.class, new FargateProfiles(kit));
  }
}
