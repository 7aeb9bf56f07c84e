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

  @Test
  void retrySettingsBuilder_startsFromDefaults_andChecksAtBuild() {
    RetrySettings patient = RetrySettings.builder().maxAttempts(8).build();

    assertThat(patient).isEqualTo(RetrySettings.defaults().withMaxAttempts(8));
    assertThat(patient.toBuilder().build()).isEqualTo(patient);
    assertThatThrownBy(() -> RetrySettings.builder().multiplier(0.5).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("multiplier"));
  }

  @Test
  void pollingPolicyBuilder_fromAKindsDefaults_changesOnlyWhatItSets() {
    PollingPolicy defaults = WaitKind.CLUSTER_CREATE.defaults();

    PollingPolicy patient = defaults.toBuilder().deadline(Duration.ofHours(1)).build();

    assertThat(patient).isEqualTo(defaults.withDeadline(Duration.ofHours(1)));
    assertThat(PollingPolicy.builder().interval(Duration.ofSeconds(5)).build().interval())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> PollingPolicy.builder().jitter(2).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("jitter"));
  }

  @Test
  void scaled_modelledPolicy_stretchesItsChecksWithTheTransition() {
    PollingPolicy nominal = WaitKind.CLUSTER_CREATE.defaults();

    PollingPolicy slowDay = nominal.scaled(1.3);

    assertThat(slowDay.expected()).isEqualTo(nominal.expected().scaled(1.3));
    assertThat(slowDay.firstCheck().toSeconds())
        .isBetween(
            Math.round(nominal.firstCheck().toSeconds() * 1.25),
            Math.round(nominal.firstCheck().toSeconds() * 1.35));
    for (int i = 0; i < 5; i++) {
      long planned = nominal.plannedChecks().get(i).toSeconds();
      assertThat(slowDay.plannedChecks().get(i).toSeconds())
          .as("check %d", i)
          .isBetween(Math.round(planned * 1.2), Math.round(planned * 1.4));
    }
    assertThat(nominal.scaled(1)).isSameAs(nominal);
  }

  @Test
  void scaled_fixedPolicyOrFirstCheckSetByHand_keptAsGiven() {
    PollingPolicy fixed =
        PollingPolicy.of(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(20));
    PollingPolicy atOnce = WaitKind.CLUSTER_CREATE.defaults().withFirstCheck(Duration.ZERO);

    assertThat(fixed.scaled(1.3)).isSameAs(fixed);
    assertThat(atOnce.scaled(1.3).firstCheck()).isZero();
  }
}
