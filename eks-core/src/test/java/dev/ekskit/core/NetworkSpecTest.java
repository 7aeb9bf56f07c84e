package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkSpecTest {
  static NetworkSpec.Builder valid() {
    return NetworkSpec.builder().name("orders");
  }

  @Test
  void build_nameOnly_eksctlDefaults() {
    NetworkSpec spec = valid().build();

    assertThat(spec.cidrBlock()).isEqualTo("192.168.0.0/16");
    assertThat(spec.natMode()).isEqualTo(NatMode.SINGLE);
    assertThat(spec.zoneCount()).isEmpty();
    assertThat(spec.zones()).isEmpty();
    assertThat(spec.clusterName()).isEmpty();
    assertThat(spec.toBuilder().natMode(NatMode.NONE).build().name()).isEqualTo("orders");
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        rule(b -> b.name(""), "name", "required"),
        rule(b -> b.name("orders.prod"), "name", "pattern"),
        rule(b -> b.name("a".repeat(101)), "name", "max-length"),
        rule(b -> b.cidrBlock("192.168.0.0"), "cidrBlock", "cidr"),
        rule(b -> b.cidrBlock("192.168.0.1/16"), "cidrBlock", "cidr"),
        rule(b -> b.cidrBlock("10.0.0.0/8"), "cidrBlock", "prefix-range"),
        rule(b -> b.cidrBlock("10.0.0.0/25"), "cidrBlock", "prefix-range"),
        rule(b -> b.zoneCount(1), "zoneCount", "range"),
        rule(b -> b.zoneCount(5), "zoneCount", "range"),
        rule(b -> b.zoneCount(2).addZones("us-east-1a", "us-east-1b"), "zoneCount", "exclusive"),
        rule(b -> b.addZones("us-east-1a"), "zones", "min-size"),
        rule(b -> b.addZones("a", "b", "c", "d", "e"), "zones", "max-size"),
        rule(b -> b.addZones("us-east-1a", "us-east-1a"), "zones[1]", "unique"),
        rule(b -> b.addZones("us-east-1a", "use1-az1"), "zones[1]", "pattern"),
        rule(b -> b.clusterName("-orders"), "clusterName", "pattern"),
        rule(b -> b.addInstanceTypes("m7g"), "instanceTypes[0]", "pattern"),
        rule(b -> b.addInstanceTypes("m7g.large", "m7g.large"), "instanceTypes[1]", "unique"),
        rule(b -> b.putTags("Name", "x"), "tags[Name]", "reserved"),
        rule(
            b -> b.putTags("kubernetes.io/role/elb", "1"),
            "tags[kubernetes.io/role/elb]",
            "reserved"),
        rule(b -> b.putTags("ekskit.dev/network", "x"), "tags[ekskit.dev/network]", "reserved"),
        rule(b -> b.putTags("aws:owner", "x"), "tags[aws:owner]", "reserved"),
        rule(
            b -> {
              IntStream.range(0, 44).forEach(i -> b.putTags("k" + i, "v"));
              return b;
            },
            "tags",
            "max-size"));
  }

  private static Arguments rule(
      UnaryOperator<NetworkSpec.Builder> breaking, String field, String rule) {
    return Arguments.of(breaking, field, rule);
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("brokenRules")
  void build_brokenRule_namesFieldAndRule(
      UnaryOperator<NetworkSpec.Builder> breaking, String field, String rule) {
    assertThatThrownBy(() -> breaking.apply(valid()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.specType()).isEqualTo("NetworkSpec");
              assertThat(e.violations())
                  .extracting(Violation::field, Violation::rule)
                  .contains(Tuple.tuple(field, rule));
            });
  }

  @Test
  void build_severalBrokenRules_reportsEveryViolationAtOnce() {
    assertThatThrownBy(
            () ->
                NetworkSpec.builder()
                    .name("_bad")
                    .cidrBlock("10.0.0.0/12")
                    .zoneCount(7)
                    .zones(List.of("us-east-1a", "nowhere"))
                    .addInstanceTypes("huge")
                    .putTags("Name", "mine")
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "name",
                        "cidrBlock",
                        "zoneCount",
                        "zoneCount",
                        "zones[1]",
                        "instanceTypes[0]",
                        "tags[Name]"));
  }
}
