package dev.ekskit.core.internal;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.DeleteOptions;
import dev.ekskit.core.Operation;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.identity.IdentityCascade;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.CascadeStep;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Violations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * What a kit is made of: its engine, its clients, the threads it made, and what modules added. It
 * is the {@link KitContext} every module is installed with.
 */
public final class KitServices implements KitContext, AutoCloseable {
  private final Engine engine;
  private final KitClients clients;
  private final Threads threads;
  private final List<CascadeStep> cascadeSteps = new CopyOnWriteArrayList<>();
  private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();
  private final List<BlueprintPartHandler<?>> blueprintParts = new CopyOnWriteArrayList<>();

  private KitServices(Engine engine, KitClients clients, Threads threads) {
    this.engine = engine;
    this.clients = clients;
    this.threads = threads;
  }

  /**
   * A kit's services: the given scheduler and executor or threads of its own, the given clients or
   * none, core's own cascade step (the IAM roles and OIDC provider made for a cluster), and every
   * module installed once, in order.
   */
  public static KitServices create(
      EngineSettings settings,
      Map<Class<? extends SdkClient>, SdkClient> givenClients,
      Region region,
      AwsCredentialsProvider credentialsProvider,
      List<KitModule> modules) {
    Threads threads = new Threads();
    Engine engine =
        new Engine(
            settings.clock() != null ? settings.clock() : Clock.systemUTC(),
            settings.scheduler() != null ? settings.scheduler() : threads.scheduler(),
            settings.executor() != null ? settings.executor() : threads.executor(),
            settings.policies(),
            settings.pollingOverride(),
            settings.retry(),
            settings.listeners(),
            settings.operationDeadline(),
            settings.random());
    KitServices kit =
        new KitServices(engine, new KitClients(givenClients, region, credentialsProvider), threads);
    kit.addCascadeStep(new IdentityCascade(kit));
    modules.forEach(module -> module.install(kit));
    return kit;
  }

  /** How the engine of a kit runs; null scheduler, executor or clock mean the kit's own. */
  public record EngineSettings(
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor executor,
      Map<String, PollingPolicy> policies,
      PollingPolicy pollingOverride,
      RetrySettings retry,
      List<ProgressListener> listeners,
      Duration operationDeadline,
      Random random) {}

  public Engine engine() {
    return engine;
  }

  @Override
  public <T extends SdkClient> T client(Class<T> type) {
    return clients.get(type);
  }

  public Supplier<AwsCredentialsIdentity> credentials() {
    return clients.credentials();
  }

  @Override
  public Clock clock() {
    return engine.clock();
  }

  @Override
  public PollingPolicy policy(WaitKind kind) {
    return engine.policy(kind);
  }

  @Override
  public <T> Operation<T> start(
      ResourceRef resource, ProgressListener listener, Function<Scope, CompletableFuture<T>> body) {
    return engine.start(resource, listener, body);
  }

  @Override
  public void addCascadeStep(CascadeStep step) {
    cascadeSteps.add(step);
  }

  public List<CascadeStep> cascadeSteps() {
    return List.copyOf(cascadeSteps);
  }

  /** The cascade steps a delete with {@code options} runs: core's identity step only if asked. */
  public List<CascadeStep> cascadeSteps(DeleteOptions options) {
    return cascadeSteps.stream()
        .filter(step -> !(options.keepRoles() && step instanceof IdentityCascade))
        .toList();
  }

  /** {@link #start}, ending the operation at {@code deadline} after it starts instead. */
  public <T> Operation<T> start(
      ResourceRef resource,
      ProgressListener listener,
      Duration deadline,
      Function<Scope, CompletableFuture<T>> body) {
    return engine.start(resource, listener, deadline, body);
  }

  @Override
  public void addBlueprintPart(BlueprintPartHandler<? extends BlueprintPart> handler) {
    if (blueprintParts.stream().anyMatch(h -> h.partType().equals(handler.partType()))) {
      throw new IllegalStateException(
          "Two modules handle blueprint parts of " + handler.partType().getName());
    }
    blueprintParts.add(handler);
  }

  /** The handler of {@code part}'s type, if a module registered one. */
  public Optional<BlueprintPartHandler<?>> blueprintPart(BlueprintPart part) {
    return blueprintParts.stream().filter(h -> h.partType().isInstance(part)).findFirst();
  }

  /** Every handler modules registered. */
  public List<BlueprintPartHandler<?>> blueprintParts() {
    return List.copyOf(blueprintParts);
  }

  @Override
  public <T> void expose(Class<T> type, T extension) {
    if (extensions.putIfAbsent(type, type.cast(extension)) != null) {
      throw new IllegalStateException("Two modules expose " + type.getName());
    }
  }

  /** The object a module exposed as {@code type}. */
  public <T> T extension(Class<T> type) {
    Object found = extensions.get(type);
    if (found == null) {
      new Violations("EksKit")
          .add(
              "modules",
              "module-missing",
              "no module of this kit provides "
                  + type.getSimpleName()
                  + ": put its ekskit module on the class path, or register it with"
                  + " EksKit.builder().addModule(...)")
          .throwIfAny();
    }
    return type.cast(found);
  }

  /** Stops running operations, then closes the clients and threads the kit made. */
  @Override
  public void close() {
    engine.stopAll();
    clients.close();
    threads.close();
  }
}
