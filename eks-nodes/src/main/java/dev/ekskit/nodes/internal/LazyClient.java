package dev.ekskit.nodes.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;

/**
 * A client given by the caller, or one made on first use from the SDK's default chain. Only a made
 * one is closed: clients callers pass in stay theirs.
 */
public final class LazyClient<T extends SdkClient> implements Supplier<T>, AutoCloseable {
  private final T given;
  private final Supplier<T> maker;
  private T made;

  public LazyClient(T given, Supplier<T> maker) {
    this.given = given;
    this.maker = maker;
  }

  @Override
  public T get() {
    if (given != null) {
      return given;
    }
    synchronized (this) {
      if (made == null) {
        made = maker.get();
      }
      return made;
    }
  }

  @Override
  public synchronized void close() {
    if (made != null) {
      made.close();
    }
  }
}
