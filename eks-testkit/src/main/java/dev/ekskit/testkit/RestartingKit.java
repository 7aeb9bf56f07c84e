package dev.ekskit.testkit;

import dev.ekskit.core.EksKit;
import dev.ekskit.simulator.ResumeFault;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The kit of a process that may stop: a step that fails because the process stopped inside it runs
 * again on a new kit, as your service would after a restart. Pair it with {@link ResumeFault} to
 * stop the process right after AWS acted on a call:
 *
 * <pre>{@code
 * try (RestartingKit process = new RestartingKit(() -> SimulatedKit.create(aws))) {
 *   aws.faults().afterCommit("CreateNodegroup", process::stop);
 *   NodegroupInfo group = process.run(kit -> ManagedNodegroups.of(kit).create(spec).join());
 *   assertThat(process.stops()).isEqualTo(1);
 *   assertThat(aws.calls().count("CreateNodegroup")).isEqualTo(1);   // nothing duplicated
 * }
 * }</pre>
 *
 * <p>A step that fails for any other reason fails the test: only a stop is retried.
 */
public final class RestartingKit implements AutoCloseable {
  private final Supplier<EksKit> newKit;
  private EksKit kit;
  private int stops;
  private volatile boolean stopped;

  /** Starts the first process's kit from {@code newKit}, which makes each new one. */
  public RestartingKit(Supplier<EksKit> newKit) {
    this.newKit = Objects.requireNonNull(newKit, "newKit");
    this.kit = newKit.get();
  }

  /** The kit of the moment. */
  public EksKit kit() {
    return kit;
  }

  /** What the process does when it stops: its kit closes. */
  public void stop() {
    stopped = true;
    kit.close();
  }

  /** How many times a step ran again after a stop. */
  public int stops() {
    return stops;
  }

  /** Runs {@code step}; if the process stopped inside it, runs it again on a new kit. */
  public <T> T run(Function<EksKit, T> step) {
    try {
      return step.apply(kit);
    } catch (RuntimeException failure) {
      if (!stopped) {
        throw failure;
      }
      stopped = false;
      stops++;
      kit = newKit.get();
      return step.apply(kit);
    }
  }

  /** Closes the kit of the moment. */
  @Override
  public void close() {
    kit.close();
  }
}
