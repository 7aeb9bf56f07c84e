/**
 * For module authors: how an ekskit module plugs into a kit. Stable within a minor version; users
 * of ekskit never need it.
 *
 * <h2>How a module plugs in</h2>
 *
 * <ol>
 *   <li>Implement {@link dev.ekskit.core.spi.KitModule} and name it in {@code
 *       META-INF/services/dev.ekskit.core.spi.KitModule}. Every kit built while the module is on
 *       the class path installs it once ({@link dev.ekskit.core.EksKit.Builder#addModule} registers
 *       one explicitly).
 *   <li>{@code install} receives the kit's {@link dev.ekskit.core.spi.KitContext}: it exposes the
 *       module's facade ({@code kit.expose(Nodegroups.class, ...)}, found by {@code
 *       EksKit.extension}) and adds {@link dev.ekskit.core.spi.CascadeStep}s, so that {@code
 *       kit.clusters().delete(name)} also removes what the module made. No object's lifetime
 *       changes what the kit does.
 *   <li>The module never makes an AWS client: it asks the kit ({@code kit.client(SsmClient.class)})
 *       when an operation starts, so that a kit without the client fails with an {@link
 *       dev.ekskit.core.InvalidSpecException} before any call.
 *   <li>Each operation runs through {@code kit.start(...)} and does all its AWS calls and waits
 *       through its {@link dev.ekskit.core.spi.Scope}: cancellation, the deadline, retries and
 *       events then reach every nested piece of work.
 * </ol>
 *
 * <h2>The lifecycle layer</h2>
 *
 * Every resource is made with {@link dev.ekskit.core.spi.CreateOrAdopt} (create with a pinned token;
 * "it is there" means describe, compare, adopt or {@link dev.ekskit.core.ConflictException}),
 * removed with {@link dev.ekskit.core.spi.Deletion} (delete, wait gone, "not found" is done), and a
 * create of several resources reports what exists through {@link dev.ekskit.core.spi.Parts}. Waits
 * classify what they see with {@link dev.ekskit.core.spi.Readiness}; {@link
 * dev.ekskit.core.spi.AwsErrors} sorts AWS's answers; {@link dev.ekskit.core.spi.Violations} and
 * {@link dev.ekskit.core.spi.SpecStyle} keep specs alike across modules.
 *
 * <pre>{@code
 * public final class NodesModule implements KitModule {
 *   public void install(KitContext kit) {
 *     Nodegroups nodegroups = new Nodegroups(kit);
 *     kit.expose(Nodegroups.class, nodegroups);
 *     kit.addCascadeStep(new SelfManagedCascade(kit));
 *   }
 * }
 * }</pre>
 */
package dev.ekskit.core.spi;
