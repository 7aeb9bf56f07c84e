package dev.ekskit.examples;

import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints the milestones of a long operation, a line each: every wait that ends after waiting (a
 * resource reached its state) and every step that fails, with the time since start on the kit's
 * clock (simulated minutes on the simulated AWS). What {@link ConsoleProgress} prints in full, for
 * a whole blueprint would be hundreds of lines.
 */
public final class MilestoneProgress implements ProgressListener {
  private final PrintStream out;
  private final Instant start;

  public MilestoneProgress(PrintStream out, Instant start) {
    this.out = out;
    this.start = start;
  }

  @Override
  public void onEvent(ProgressEvent event) {
    if (event instanceof ProgressEvent.StepSucceeded done
        && done.step().startsWith("wait")
        && done.elapsed().toSeconds() > 0) {
      print(event, done.step() + " after " + minutes(done.elapsed()));
    } else if (event instanceof ProgressEvent.StepFailed failed) {
      print(event, failed.step() + " FAILED: " + failed.error().getMessage());
    }
  }

  private void print(ProgressEvent event, String what) {
    long s = Duration.between(start, event.at()).getSeconds();
    out.printf(
        "[%02d:%02d:%02d] %-40s %s%n", s / 3600, s / 60 % 60, s % 60, event.resource(), what);
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + "m " + d.toSecondsPart() + "s";
  }
}
