package dev.ekskit.core;

import dev.ekskit.core.internal.LoggingListener;

/**
 * Receives the {@link ProgressEvent}s of operations. Called on ekskit's threads: return quickly and
 * do not block. An exception thrown by a listener is logged and otherwise ignored.
 *
 * <pre>{@code
 * EksKit kit = EksKit.builder().addListener(ProgressListener.logging()).build();
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
  void onEvent(ProgressEvent event);

  /**
   * A listener that writes each event as one readable line to the SLF4J logger {@code
   * dev.ekskit.progress} (INFO for progress, WARN for retries and failures). It logs resource names
   * and statuses only, never credentials or request bodies.
   */
  static ProgressListener logging() {
    return LoggingListener.INSTANCE;
  }
}
