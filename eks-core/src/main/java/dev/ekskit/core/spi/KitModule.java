package dev.ekskit.core.spi;

/**
 * An ekskit module (node groups, Fargate, ...) that plugs into every {@link dev.ekskit.core.EksKit}
 * built while it is on the class path. Register it in {@code
 * META-INF/services/dev.ekskit.core.spi.KitModule}, or pass it to {@link
 * dev.ekskit.core.EksKit.Builder#addModule(KitModule)}.
 *
 * <pre>{@code
 * public final class NodesModule implements KitModule {
 *   public void install(KitContext kit) {
 *     Nodegroups nodegroups = new Nodegroups(kit);
 *     kit.expose(Nodegroups.class, nodegroups);               // Nodegroups.of(kit) finds it
 *     kit.addCascadeStep(new SelfManagedCascade(kit));        // cluster delete removes them too
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #install} runs once per kit, while the kit is being built: it must make no AWS call and
 * ask for no client yet (a kit built for another purpose may not have them); ask for clients when an
 * operation starts.
 */
public interface KitModule {
  /** Contributes this module's parts to {@code kit}. */
  void install(KitContext kit);
}
