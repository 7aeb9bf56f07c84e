package dev.ekskit.core.internal;

import dev.ekskit.core.EksKit;
import java.util.function.Function;

/**
 * How other ekskit modules (node groups, Fargate) reach a kit's engine and clients without making
 * them public API. {@link EksKit} installs the accessor when its class initialises, which has
 * happened by the time anyone holds a kit.
 */
public final class KitAccess {
  private static volatile Function<EksKit, KitResources> accessor;

  private KitAccess() {}

  public static void install(Function<EksKit, KitResources> kitAccessor) {
    accessor = kitAccessor;
  }

  public static KitResources resources(EksKit kit) {
    return accessor.apply(kit);
  }
}
