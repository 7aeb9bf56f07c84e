package dev.ekskit.examples;

import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints progress as a person reads it: time since start on the kit's clock (simulated minutes on
 * the simulated AWS), the resource, and a bar against the step's typical duration.
 */
public final class ConsoleProgress implements ProgressListener {
  private static final int BAR_WIDTH = 24;
  private final PrintStream out;
  private final Instant start;
  private final Map<String, Duration> typicalByStep = new ConcurrentHashMap<>();

  public ConsoleProgress(PrintStream out, Instant start) {
    this.out = out;
    this.start = start;
  }

  @Override
  public void onEvent(ProgressEvent event) {
    String key = event.resource() + " " + event.step();
    String line;
    if (event instanceof ProgressEvent.StepStarted started) {
      typicalByStep.put(key, started.expected());
      line =
          "started"
              + (started.expected().isZero() ? "" : ", typically " + minutes(started.expected()));
    } else if (event instanceof ProgressEvent.StatusObserved seen) {
      line =
          bar(seen.elapsed(), typicalByStep.getOrDefault(key, Duration.ZERO)) + " " + seen.status();
    } else if (event instanceof ProgressEvent.Retrying retrying) {
      line = "retrying in " + retrying.backoff().toSeconds() + "s: " + retrying.reason();
    } else if (event instanceof ProgressEvent.StepSucceeded done) {
      line = "done in " + minutes(done.elapsed());
    } else {
      line = "FAILED: " + ((ProgressEvent.StepFailed) event).error().getMessage();
    }
    out.printf("[%s] %-28s %-16s %s%n", clock(event.at()), event.resource(), event.step(), line);
  }

  private String clock(Instant at) {
    long s = Duration.between(start, at).getSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  private static String bar(Duration elapsed, Duration typical) {
    if (typical.isZero()) {
      return "";
    }
    int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * elapsed.toMillis() / typical.toMillis());
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + "m " + d.toSecondsPart() + "s";
  }
}
