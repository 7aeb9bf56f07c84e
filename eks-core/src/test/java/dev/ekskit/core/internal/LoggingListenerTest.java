package dev.ekskit.core.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ProgressListener;
import dev.ekskit.core.ResourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingListenerTest {
  private static final ResourceRef ORDERS = ResourceRef.cluster("orders");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void onEvent_everyEventType_logsWithoutThrowing() {
    List<ProgressEvent> all =
        List.of(
            new ProgressEvent.StepStarted(NOW, ORDERS, "wait ACTIVE", Duration.ofMinutes(10)),
            new ProgressEvent.StatusObserved(
                NOW, ORDERS, "wait ACTIVE", "CREATING", Duration.ofMinutes(7), 1),
            new ProgressEvent.Retrying(
                NOW, ORDERS, "create", 1, Duration.ofSeconds(2), "Throttling"),
            new ProgressEvent.StepSucceeded(NOW, ORDERS, "create", Duration.ZERO),
            new ProgressEvent.StepFailed(
                NOW, ORDERS, "create", Duration.ZERO, new EksKitException("no")));

    all.forEach(
        event ->
            assertThatCode(() -> ProgressListener.logging().onEvent(event))
                .doesNotThrowAnyException());
  }

  @Test
  void publish_listenerThrows_otherListenersStillCalled() {
    List<ProgressEvent> seen = new java.util.ArrayList<>();
    Engine engine =
        new Engine(
            java.time.Clock.systemUTC(),
            null,
            Runnable::run,
            java.util.Map.of(),
            null,
            dev.ekskit.core.RetrySettings.defaults(),
            List.of(
                event -> {
                  throw new IllegalStateException("broken listener");
                },
                seen::add),
            Duration.ofHours(1),
            new java.util.Random(1));

    engine.publish(new ProgressEvent.StepSucceeded(NOW, ORDERS, "create", Duration.ZERO), null);

    org.assertj.core.api.Assertions.assertThat(seen).hasSize(1);
  }
}
