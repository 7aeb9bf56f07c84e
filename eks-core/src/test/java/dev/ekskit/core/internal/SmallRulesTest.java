package dev.ekskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallRulesTest {
  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
    "10.0.0.0/8, true",
    "0.0.0.0/0, true",
    "192.168.1.0/24, true",
    "10.0.0.1/8, false",
    "01.0.0.0/8, false",
    "10.0.0.0/33, false",
    "10.0.0/8, false",
    "300.0.0.0/8, false"
  })
  void ipv4CidrProblem_eachShape_judged(String cidr, boolean valid) {
    assertThat(Ipv4Cidr.problem(cidr) == null).isEqualTo(valid);
  }

  @Test
  void ipv4CidrContains_nestedAndDisjoint_judged() {
    assertThat(Ipv4Cidr.parse("172.16.0.0/12").contains(Ipv4Cidr.parse("172.20.0.0/16"))).isTrue();
    assertThat(Ipv4Cidr.parse("172.16.0.0/12").contains(Ipv4Cidr.parse("172.32.0.0/16"))).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1} ok={2}")
  @CsvSource({
    "1.32, 1.33, true",
    "1.33, 1.35, false",
    "1.33, 1.32, false",
    "1.33, 2.0, false",
    "1.33, 1.x, false"
  })
  void requireNextMinor_eachPair_judged(String from, String to, boolean ok) {
    if (ok) {
      assertThatCode(() -> VersionStep.requireNextMinor(from, to)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> VersionStep.requireNextMinor(from, to))
          .isInstanceOfSatisfying(
              InvalidSpecException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactly("kubernetesVersion"));
    }
  }

  @Test
  void durationsText_readable() {
    assertThat(Durations.text(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(Durations.text(Duration.ofSeconds(581))).isEqualTo("9m 41s");
    assertThat(Durations.text(Duration.ofMinutes(125))).isEqualTo("2h 5m");
  }
}
