package dev.ekskit.core.internal;

import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes progress events as one line each; names and statuses only, never request contents. */
public enum LoggingListener implements ProgressListener {
  INSTANCE;

  private static final Logger LOG = LoggerFactory.getLogger("dev.ekskit.progress");

  @Override
  public void onEvent(ProgressEvent event) {
    if (event instanceof ProgressEvent.StepStarted e) {
      LOG.info(
          "{}: {} started{}",
          e.resource(),
          e.step(),
          e.expected().isZero() ? "" : " (typically " + Durations.text(e.expected()) + ")");
    } else if (event instanceof ProgressEvent.StatusObserved e) {
      LOG.info(
          "{}: {} after {} (check {})",
          e.resource(),
          e.status(),
          Durations.text(e.elapsed()),
          e.check());
    } else if (event instanceof ProgressEvent.Retrying e) {
      LOG.warn(
          "{}: {} attempt {} failed ({}), retrying in {}",
          e.resource(),
          e.step(),
          e.attempt(),
          e.reason(),
          Durations.text(e.backoff()));
    } else if (event instanceof ProgressEvent.StepSucceeded e) {
      LOG.info("{}: {} done in {}", e.resource(), e.step(), Durations.text(e.elapsed()));
    } else if (event instanceof ProgressEvent.StepFailed e) {
      LOG.warn(
          "{}: {} failed after {}: {}",
          e.resource(),
          e.step(),
          Durations.text(e.elapsed()),
          e.error().getMessage());
    }
  }
}
