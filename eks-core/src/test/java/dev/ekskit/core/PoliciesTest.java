package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  @Test
  void pollingPolicy_invalidValues_reportsEachField() {
    assertThatThrownBy(
            () ->
                new PollingPolicy(
                    Duration.ofSeconds(-1),
                    Duration.ZERO,
                    2.0,
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    Duration.ZERO))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("firstCheck", "interval", "deadline", "jitter"));
  }

  @Test
  void clusterCreateDefault_firstCheckNearTypicalDuration_deadlineBeyondTail() {
    PollingPolicy policy = WaitKind.CLUSTER_CREATE.defaults();
    assertThat(policy.firstCheck()).isBetween(Duration.ofMinutes(5), policy.typical());
    assertThat(policy.deadline()).isGreaterThan(Duration.ofMinutes(33));
  }

  @Test
  void retrySettings_invalid_refused() {
    assertThatThrownBy(() -> new RetrySettings(0, Duration.ofSeconds(1), 0.5, Duration.ZERO))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("maxAttempts", "multiplier", "maxBackoff"));
  }
}
