package dev.ekskit.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeTaintTest {
  @Test
  void parse_kubeletSyntax_equalsTheTaintBuiltFromParts() {
    assertThat(NodeTaint.parse("dedicated=batch:NoSchedule"))
        .isEqualTo(NodeTaint.of("dedicated", "batch", NodeTaint.Effect.NO_SCHEDULE));
    assertThat(NodeTaint.parse("example.com/spot:PreferNoSchedule"))
        .isEqualTo(NodeTaint.of("example.com/spot", NodeTaint.Effect.PREFER_NO_SCHEDULE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"dedicated=batch:NoSchedule", "spot:PreferNoSchedule", "a.b/c=d:NoExecute"})
  void toString_parsed_roundTrips(String taint) {
    assertThat(NodeTaint.parse(taint)).hasToString(taint);
  }

  @Test
  void of_emptyValue_sameAsNone() {
    assertThat(NodeTaint.of("spot", "", NodeTaint.Effect.NO_EXECUTE))
        .isEqualTo(NodeTaint.of("spot", NodeTaint.Effect.NO_EXECUTE))
        .hasToString("spot:NoExecute");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dedicated=batch|taint|syntax",
        "dedicated=batch:Never|taint|syntax",
        "-dedicated=batch:NoSchedule|key|qualified-name",
        "Example.com/spot:NoSchedule|key|qualified-name",
        "dedicated=bat ch:NoSchedule|value|label-value",
        "x' ; rm -rf /:NoSchedule|key|qualified-name",
        "=batch:NoSchedule|key|required"
      })
  void parse_broken_namesFieldAndRule(String taint, String field, String rule) {
    assertThatThrownBy(() -> NodeTaint.parse(taint))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.specType()).isEqualTo("NodeTaint");
              assertThat(e.violations())
                  .extracting(v -> v.field() + ":" + v.rule())
                  .containsExactly(field + ":" + rule);
            });
  }

  @Test
  void of_badKeyValueAndNoEffect_reportsAllAtOnce() {
    assertThatThrownBy(() -> NodeTaint.of("a b", "c d", null))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("key", "value", "effect"));
  }

  @Test
  void of_longestKubernetesKey_accepted() {
    String key = "a".repeat(253) + "/" + "b".repeat(63);

    assertThat(NodeTaint.of(key, "v".repeat(63), NodeTaint.Effect.NO_SCHEDULE).key())
        .isEqualTo(key);
    assertThatThrownBy(() -> NodeTaint.of("b".repeat(64), NodeTaint.Effect.NO_SCHEDULE))
        .isInstanceOf(InvalidSpecException.class);
  }
}
