package dev.ekskit.core.internal.waits;

import dev.ekskit.core.DurationModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * How fast one kind of transition runs today, as a factor on its {@link DurationModel}, learnt by
 * the kit from its own waits of that kind: a model is never exact, and a region on a slow day takes
 * longer across the board. The factor is the most likely one on a grid from 0.6 to 1.6, given what
 * the waits saw (a transition that ended between two checks; one still running at its last check)
 * and a prior that trusts the model (a 30 % error is three standard deviations). One wait moves it
 * little; a few finished waits, or many running together past the time the model says most would
 * have ended, move it a lot. Waits plan their remaining checks for the current factor ({@link
 * #scale()}).
 */
public final class Pace {
  private static final double STEP = 0.05;
  private static final double LOWEST = 0.6;
  private static final int SCALES = 21;
  private static final double PRIOR_SIGMA = 0.1;

  /** The share of transitions that follow no model (see {@link #endedBy(double, double)}). */
  private static final double ODD = 0.02;

  /** Past twice the longest duration nothing is likelier than anything else. */
  private static final double TINY = 1e-12;

  /** How much likelier (in nats) another factor must be before waits re-plan for it. */
  private static final double SWITCH_EVIDENCE = 2;

  /**
   * The waits whose evidence counts, the latest started. Whole waits are forgotten, oldest start
   * first: forgetting only ended ones would keep the slow survivors of a batch and drop its quick
   * finishers, and the pace would drift slower with nothing slow about the day.
   */
  private static final int REMEMBERED = 1_000;

  private static final Duration FRESH = Duration.ofSeconds(1);

  private final DurationModel model;
  private final double longest;
  private final Clock clock;
  private final Deque<Wait> remembered = new ArrayDeque<>();
  private double scale = 1;
  private Instant computedAt = Instant.MIN;
  private boolean changed;

  public Pace(DurationModel model, Clock clock) {
    this.model = model;
    this.longest = model.max().toMillis() / 1000.0;
    this.clock = clock;
  }

  /** A new wait of this kind, started now. */
  public synchronized Wait started() {
    Wait wait = new Wait();
    remembered.addLast(wait);
    if (remembered.size() > REMEMBERED) {
      remembered.removeFirst();
    }
    changed = true;
    return wait;
  }

  /** The factor on the model's durations that fits what the waits saw, a multiple of 0.05. */
  public synchronized double scale() {
    Instant now = clock.instant();
    if (changed && !now.isBefore(computedAt.plus(FRESH))) {
      changed = false;
      computedAt = now;
      double[] scores = scores();
      int best = 0;
      for (int i = 1; i < SCALES; i++) {
        best = scores[i] > scores[best] ? i : best;
      }
      // Move only on clear evidence, so that waits do not re-plan back and forth.
      if (scores[best] - scores[index(scale)] > SWITCH_EVIDENCE) {
        scale = factor(best);
      }
    }
    return scale;
  }

  /** The log-likelihood of each factor, prior included. */
  private double[] scores() {
    // Waits started together have run about as long: one term per second of running time.
    Map<Long, Integer> runningBySecond = new TreeMap<>();
    double[] scores = new double[SCALES];
    for (Wait wait : remembered) {
      if (wait.endedScores != null) {
        for (int i = 0; i < SCALES; i++) {
          scores[i] += wait.endedScores[i];
        }
      } else {
        runningBySecond.merge((long) wait.runningAtLeast, 1, Integer::sum);
      }
    }
    for (int i = 0; i < SCALES; i++) {
      double s = factor(i);
      double score = -Math.log(s) * Math.log(s) / (2 * PRIOR_SIGMA * PRIOR_SIGMA);
      for (Map.Entry<Long, Integer> bucket : runningBySecond.entrySet()) {
        score += bucket.getValue() * Math.log(Math.max(TINY, 1 - endedBy(bucket.getKey(), s)));
      }
      scores[i] += score;
    }
    return scores;
  }

  /**
   * The chance a transition has ended {@code seconds} after its start at factor {@code s}, mixed
   * with a little of "any time up to twice the longest": one odd transition (a resumed wait, a
   * model's hard edge) then weighs like a few ordinary ones instead of ruling factors out.
   */
  private double endedBy(double seconds, double s) {
    double broad = Math.min(1, seconds / (2 * longest));
    return (1 - ODD) * model.cdf(seconds / s) + ODD * broad;
  }

  private static double factor(int index) {
    return Math.round((LOWEST + index * STEP) * 100) / 100.0;
  }

  private static int index(double factor) {
    return (int) Math.round((factor - LOWEST) / STEP);
  }

  /** The log-likelihood, for each factor, of a transition that ended between the two times. */
  private double[] endedScores(double notBefore, double notAfter) {
    double[] scores = new double[SCALES];
    for (int i = 0; i < SCALES; i++) {
      double s = factor(i);
      scores[i] = Math.log(Math.max(TINY, endedBy(notAfter, s) - endedBy(notBefore, s)));
    }
    return scores;
  }

  /** One wait's evidence: how long its transition has run at least, and when it was seen done. */
  public final class Wait {
    private double runningAtLeast;

    /**
     * Null until a check saw the transition done; then what that says of each factor, computed once
     * (it never changes) so that looking at many waits again each second stays cheap.
     */
    private double[] endedScores;

    private Wait() {}

    /** A check {@code elapsed} after the start saw it still running. */
    public void stillRunning(Duration elapsed) {
      synchronized (Pace.this) {
        runningAtLeast = seconds(elapsed);
        changed = true;
      }
    }

    /** A check {@code elapsed} after the start saw it done. */
    public void done(Duration elapsed) {
      // Outside the lock: only this wait's own checks, one after another, write its running time.
      double[] scores = endedScores(runningAtLeast, seconds(elapsed));
      synchronized (Pace.this) {
        endedScores = scores;
        changed = true;
      }
    }

    /** The wait ended without seeing the transition end (failed, cancelled, timed out). */
    public void abandoned() {
      synchronized (Pace.this) {
        changed |= remembered.remove(this);
      }
    }

    private static double seconds(Duration d) {
      return d.toMillis() / 1000.0;
    }
  }
}
