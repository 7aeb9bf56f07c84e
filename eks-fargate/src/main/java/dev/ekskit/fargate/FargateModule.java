package dev.ekskit.fargate;

import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;
import dev.ekskit.fargate.internal.ProfilePart;

/**
 * Plugs Fargate profiles into every kit built while eks-fargate is on the class path (registered in
 * {@code META-INF/services/dev.ekskit.core.spi.KitModule}); users never call it. It lets blueprints
 * hold {@link FargateProfileSpec}s as parts ("fargate profile", applied with the compute parts).
 * Core's cascade delete already removes a cluster's Fargate profiles, and its IAM step the pod
 * execution role made for the cluster, so the module adds no cascade step.
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
    kit.addBlueprintPart(new ProfilePart());
  }
}
