package dev.ekskit.core.sim;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.EksKitException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The kit of a process that may stop once: a step that fails because the process stopped inside it
 * runs again on a new kit, as a restarted process would. Shared with other modules' tests through
 * eks-core's test-jar.
 */
public final class RestartingKit implements AutoCloseable {
  private final Supplier<EksKit> newKit;
  private EksKit kit;
  private int stops;

  public RestartingKit(Supplier<EksKit> newKit) {
    this.newKit = newKit;
    this.kit = newKit.get();
  }

  /** The kit of the moment. */
  public EksKit kit() {
    return kit;
  }

  /** What the process does when it stops: its kit closes. */
  public void stop() {
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
    } catch (EksKitException | CompletionException stopped) {
      stops++;
      kit = newKit.get();
      return step.apply(kit);
    }
  }

  @Override
  public void close() {
    kit.close();
  }
}
