package dev.ekskit.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FargateProfileSpecTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/orders-fargate-pods";

  static FargateProfileSpec.Builder valid() {
    return FargateProfileSpec.builder()
        .clusterName("orders")
        .name("system")
        .podExecutionRoleArn(ROLE)
        .addSubnetIds("subnet-0a1b2c3d4e5f60718")
        .addSelectors(FargateSelector.of("kube-system"));
  }

  static Stream<Arguments> brokenRules() {
    List<FargateSelector> six =
        IntStream.range(0, 6).mapToObj(i -> FargateSelector.of("ns" + i)).toList();
    Map<String, String> sixLabels =
        Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6");
    return Stream.of(
        Arguments.of("eks- prefix", op(b -> b.name("eks-system")), "name", "reserved-prefix"),
        Arguments.of("bad name", op(b -> b.name("-x")), "name", "pattern"),
        Arguments.of(
            "role with a path",
            op(b -> b.podExecutionRoleArn("arn:aws:iam::123456789012:role/teams/pods")),
            "podExecutionRoleArn",
            "path"),
        Arguments.of(
            "not a role",
            op(b -> b.podExecutionRoleArn("arn:aws:iam::123456789012:user/pods")),
            "podExecutionRoleArn",
            "pattern"),
        Arguments.of("six selectors", op(b -> b.selectors(six)), "selectors", "size"),
        Arguments.of(
            "no selector", op(b -> b.selectors(Collections.emptyList())), "selectors", "size"),
        Arguments.of(
            "upper-case namespace",
            op(b -> b.selectors(List.of(FargateSelector.of("Kube")))),
            "selectors[0].namespace",
            "pattern"),
        Arguments.of(
            "six labels",
            op(b -> b.selectors(List.of(FargateSelector.of("web", sixLabels)))),
            "selectors[0].labels",
            "max-size"),
        Arguments.of(
            "seventeen subnets",
            op(
                b ->
                    b.subnetIds(
                        IntStream.range(0, 17)
                            .mapToObj(i -> String.format("subnet-%017x", i))
                            .toList())),
            "subnetIds",
            "max-size"),
        Arguments.of(
            "bad subnet", op(b -> b.subnetIds(List.of("sn-1"))), "subnetIds[0]", "pattern"),
        Arguments.of(
            "reserved tag",
            op(b -> b.putTags("ekskit.dev/x", "y")),
            "tags[ekskit.dev/x]",
            "reserved"));
  }

  private static UnaryOperator<FargateProfileSpec.Builder> op(
      UnaryOperator<FargateProfileSpec.Builder> change) {
    return change;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void build_brokenRule_namesFieldAndRule(
      String title, UnaryOperator<FargateProfileSpec.Builder> change, String field, String rule) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .contains(org.assertj.core.groups.Tuple.tuple(field, rule)));
  }

  @Test
  void build_wildcardNamespacesAndFiveLabels_accepted() {
    Map<String, String> five = Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5");
    FargateProfileSpec spec =
        valid()
            .selectors(List.of(FargateSelector.of("web-*", five), FargateSelector.of("team-?")))
            .build();

    assertThat(spec.selectors()).hasSize(2);
  }

  @Test
  void build_manyProblems_reportsEveryOneAtOnce() {
    assertThatThrownBy(
            () ->
                valid()
                    .name("eks-x")
                    .podExecutionRoleArn("arn:aws:iam::123456789012:role/a/b")
                    .selectors(
                        IntStream.range(0, 6).mapToObj(i -> FargateSelector.of("n" + i)).toList())
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactlyInAnyOrder("reserved-prefix", "path", "size"));
  }

  @Test
  void podExecutionRoleSpec_badRoleName_namesField() {
    assertThatThrownBy(() -> PodExecutionRoleSpec.of("orders", "pods/with/slash"))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("roleName"));
  }
}
