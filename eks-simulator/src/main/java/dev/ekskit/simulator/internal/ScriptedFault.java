package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One rule of the open fault API: the calls it answers (service, operation, conditions on the
 * request), how (time passing, then an error, a response or the call's own answer), when (before
 * the simulation acts or after) and how many times. Set up from any thread; read by the gateway.
 */
public final class ScriptedFault {
  /** Whether a rule answers before the simulation acts, or replaces the answer after it acted. */
  enum Phase {
    BEFORE_ACTING,
    AFTER_ACTING
  }

  /** What one matched call gets: time passing, then an error, a response, or its own answer. */
  static final class Answer {
    private final Duration delay;
    private final Supplier<AwsServiceException> error;
    private final Object response;

    private Answer(Duration delay, Supplier<AwsServiceException> error, Object response) {
      this.delay = delay;
      this.error = error;
      this.response = response;
    }

    void passDelay(Consumer<Duration> passTime) {
      if (!delay.isZero()) {
        passTime.accept(delay);
      }
    }

    /** Whether the rule decides the answer, rather than only delaying it. */
    boolean decides() {
      return error != null || response != null;
    }

    /** Throws the rule's error, or returns its response. */
    @SuppressWarnings("unchecked") // the response's type was checked against the operation's
    <T> T decide() {
      if (error != null) {
        throw error.get();
      }
      return (T) response;
    }
  }

  private final Service service;
  private final String operation;
  private final String javaOperation;
  private final Class<?> requestType;
  private Predicate<Object> condition = request -> true;
  private Phase phase = Phase.BEFORE_ACTING;
  private Duration delay = Duration.ZERO;
  private Supplier<AwsServiceException> error;
  private Object response;
  private int limit = 1;
  private int answered;

  ScriptedFault(String service, String operation) {
    this.service = Service.ofClient(service);
    this.operation = operation;
    this.javaOperation = OperationNames.javaName(operation);
    this.requestType = this.service.requestType(operation);
  }

  /** Answers only calls whose request, of type {@code type}, meets {@code test}. */
  public synchronized <R> void require(Class<R> type, Predicate<? super R> test) {
    if (!type.isAssignableFrom(requestType)) {
      throw new IllegalArgumentException(
          operation + " takes a " + requestType.getName() + ", not a " + type.getName());
    }
    Predicate<Object> before = condition;
    condition = request -> before.test(request) && test.test(type.cast(request));
  }

  /** Answers with the error the service typically gives for {@code status}. */
  public synchronized void failWith(int status) {
    requireErrorStatus(status);
    decide(() -> Errors.forStatus(service, status), null);
  }

  /** Answers with error {@code code}, built as the SDK builds what the service answers. */
  public synchronized void failWith(int status, String code, String message) {
    requireErrorStatus(status);
    if (code.isBlank()) {
      throw new IllegalArgumentException("An AWS error has a code, e.g. InvalidParameterException");
    }
    decide(() -> Errors.of(service, status, code, message), null);
  }

  /** Answers with {@code answer}, which must be of the operation's response type. */
  public synchronized void respond(Object answer) {
    Objects.requireNonNull(answer, "response");
    Class<?> expected = service.responseType(operation);
    if (!expected.isInstance(answer)) {
      throw new IllegalArgumentException(
          operation
              + " answers a "
              + expected.getName()
              + ", not a "
              + answer.getClass().getName());
    }
    decide(null, answer);
  }

  /** Lets {@code duration} of virtual time pass before the answer. */
  public synchronized void delay(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("A delay must be positive: " + duration);
    }
    if (!delay.isZero()) {
      throw new IllegalStateException("This rule already delays calls by " + delay);
    }
    delay = duration;
  }

  /** Answers after the simulation acted on the call, in place of its answer. */
  public synchronized void afterActing() {
    phase = Phase.AFTER_ACTING;
  }

  /** Answers {@code times} matching calls in all, then no more. */
  public synchronized void times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("A rule answers at least once: " + times);
    }
    limit = times;
  }

  /** Answers every matching call, until the faults are cleared. */
  public synchronized void always() {
    limit = Integer.MAX_VALUE;
  }

  /** How many calls this rule has answered so far. */
  public synchronized int answered() {
    return answered;
  }

  /**
   * This rule's answer to a call, counted as one of its times, if the rule is live in this phase
   * and the call matches.
   */
  synchronized Optional<Answer> take(
      Phase callPhase, Service callService, String callJavaOperation, Object request) {
    boolean live = (error != null || response != null || !delay.isZero()) && answered < limit;
    if (!live
        || phase != callPhase
        || service != callService
        || !javaOperation.equals(callJavaOperation)
        || !condition.test(request)) {
      return Optional.empty();
    }
    answered++;
    return Optional.of(new Answer(delay, error, response));
  }

  private void decide(Supplier<AwsServiceException> newError, Object newResponse) {
    if (error != null || response != null) {
      throw new IllegalStateException(
          "A rule answers one way; this one already "
              + (error != null
                  ? "fails"
                  : "responds with a " + response.getClass().getSimpleName()));
    }
    error = newError;
    response = newResponse;
  }

  private static void requireErrorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("Need an HTTP error status (400-599): " + status);
    }
  }
}
