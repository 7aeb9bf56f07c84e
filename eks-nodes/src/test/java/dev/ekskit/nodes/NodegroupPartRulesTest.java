package dev.ekskit.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both kinds of node group as parts of a blueprint: what they need from it, checked at build. */
class NodegroupPartRulesTest {
  private static final NetworkSpec NETWORK = NetworkSpec.builder().name("orders").build();
  private static final AmiChoice WINDOWS =
      AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE);

  /** A part of each kind, given the AMI it runs. */
  static Stream<Arguments> kinds() {
    Function<AmiChoice, BlueprintPart> managed =
        ami -> NodegroupSpec.builder().clusterName("orders").name("general").ami(ami).build();
    Function<AmiChoice, BlueprintPart> selfManaged =
        ami ->
            SelfManagedNodegroupSpec.builder()
                .clusterName("orders")
                .name("batch")
                .addInstanceTypes("m5.large")
                .ami(ami)
                .build();
    return Stream.of(Arguments.of("managed", managed), Arguments.of("self-managed", selfManaged));
  }

  private static BlueprintFacts facts(
      Optional<String> version, boolean network, boolean nodeRole, List<BlueprintPart> parts) {
    return new BlueprintFacts(
        "orders",
        version,
        network ? Optional.of(NETWORK) : Optional.empty(),
        nodeRole,
        false,
        parts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void violationsWithin_blueprintMakesNoNetworkNorRole_requiresSubnetsAndRole(
      String kind, Function<AmiChoice, BlueprintPart> part) {
    BlueprintPart linux = part.apply(AmiChoice.defaultChoice());

    List<Violation> found =
        linux.violationsWithin(facts(Optional.empty(), false, false, List.of(linux)));

    assertThat(found)
        .extracting(v -> v.field() + ":" + v.rule())
        .containsExactlyInAnyOrder("subnetIds:required", "nodeRoleArn:required");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void violationsWithin_blueprintMakesNetworkAndRole_hasNone(
      String kind, Function<AmiChoice, BlueprintPart> part) {
    BlueprintPart linux = part.apply(AmiChoice.defaultChoice());

    assertThat(linux.violationsWithin(facts(Optional.of("1.33"), true, true, List.of(linux))))
        .isEmpty();
    assertThat(linux.hostsLinuxSystemPods()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void violationsWithin_amiFamilyPastTheBlueprintsVersion_namesAmiFamily(
      String kind, Function<AmiChoice, BlueprintPart> part) {
    BlueprintPart al2 = part.apply(AmiChoice.al2(CpuArch.X86_64, Accelerator.NONE));

    assertThat(al2.violationsWithin(facts(Optional.of("1.33"), true, true, List.of(al2))))
        .extracting(v -> v.field() + ":" + v.rule())
        .containsExactly("ami.family:al2-end-of-life");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void violationsWithin_windowsAlone_needsLinuxCapacity(
      String kind, Function<AmiChoice, BlueprintPart> part) {
    BlueprintPart windows = part.apply(WINDOWS);

    assertThat(windows.hostsLinuxSystemPods()).isFalse();
    assertThat(windows.violationsWithin(facts(Optional.of("1.33"), true, true, List.of(windows))))
        .extracting(v -> v.field() + ":" + v.rule())
        .containsExactly("ami:windows-needs-linux-capacity");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void violationsWithin_windowsBesideALinuxGroup_hasNone(
      String kind, Function<AmiChoice, BlueprintPart> part) {
    BlueprintPart windows = part.apply(WINDOWS);
    BlueprintPart linux = NodegroupSpec.builder().clusterName("orders").name("system").build();

    assertThat(
            windows.violationsWithin(
                facts(Optional.of("1.33"), true, true, List.of(windows, linux))))
        .isEmpty();
  }
}
