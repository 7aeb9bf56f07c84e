package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiCombinations;
import dev.ekskit.nodes.AmiNotFoundException;
import dev.ekskit.nodes.AmiSource;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.ResolvedAmi;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AMI resolution through the simulated SSM public parameters and EC2 DescribeImages. */
class AmiResolutionSimTest extends NodesSimulationTest {
  private Nodegroups withSsm;

  @BeforeEach
  void useSimulatedSsm() {
    withSsm = Nodegroups.of(kit);
  }

  static Stream<AmiChoice> everyExistingChoice() {
    return AmiCombinations.existing().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExistingChoice")
  void resolve_everyExistingChoice_findsImageOfItsArchitecture(AmiChoice choice) {
    String k8s = AmiCombinations.versionFor(choice);

    ResolvedAmi ami = withSsm.amis().resolve(choice, k8s).join();

    var image = aws.ec2().describeImages(r -> r.imageIds(ami.imageId())).images().get(0);
    assertThat(image.architectureAsString()).isEqualTo(choice.arch().awsName());
    assertThat(ami.parameter()).hasValue(choice.imageIdParameter(k8s));
    choice
        .windowsEdition()
        .ifPresent(
            edition -> assertThat(image.name()).contains("-English-" + edition.awsName() + "-"));
  }

  @Test
  void resolve_manyTimes_oneLookupPerParameter() {
    AmiChoice choice = AmiChoice.bottlerocket(CpuArch.ARM64, Accelerator.NONE, false);

    for (int i = 0; i < 3; i++) {
      withSsm.amis().resolve(choice, "1.33").join();
    }

    assertThat(aws.calls().count("GetParameters")).isEqualTo(1);
    assertThat(aws.calls().count("DescribeImages")).isEqualTo(1);
  }

  @Test
  void resolve_ssmThrottledOnce_retriesAndSucceeds() {
    aws.faults().failNext("GetParameters", 429);

    ResolvedAmi ami = withSsm.amis().resolve(AmiChoice.defaultChoice(), "1.34").join();

    assertThat(ami.release()).hasValue("1.34.0-20251101");
    assertThat(aws.calls().count("GetParameters")).isEqualTo(2);
  }

  @Test
  void resolve_unpublishedVersion_namesPath() {
    assertThatThrownBy(() -> withSsm.amis().resolve(AmiChoice.defaultChoice(), "1.28").join())
        .isInstanceOfSatisfying(
            AmiNotFoundException.class,
            e -> assertThat(e.getMessage()).contains("/aws/service/eks/optimized-ami/1.28/"));
  }

  @Test
  void resolve_pinnedUnknownImage_failsNamingIt() {
    assertThatThrownBy(
            () ->
                withSsm
                    .amis()
                    .resolve(
                        AmiChoice.defaultChoice(),
                        "1.33",
                        AmiSource.imageId("ami-00000000000000000"))
                    .join())
        .isInstanceOf(AmiNotFoundException.class)
        .hasMessageContaining("ami-00000000000000000");
  }

  @Test
  void checkInstanceTypes_neuronTypeOnNeuronAmi_inferredNeuron() {
    var facts =
        withSsm
            .amis()
            .checkInstanceTypes(
                AmiChoice.al2023(CpuArch.X86_64, Accelerator.NEURON), List.of("inf2.xlarge"))
            .join();

    assertThat(facts.get(0).accelerator()).isEqualTo(Accelerator.NEURON);
  }

  @Test
  void checkInstanceTypes_unknownType_refused() {
    assertThatThrownBy(
            () ->
                withSsm
                    .amis()
                    .checkInstanceTypes(AmiChoice.defaultChoice(), List.of("zz9.huge"))
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations().get(0).rule()).isEqualTo("unknown"));
  }

  @Test
  void checkInstanceTypes_empty_refusedWithoutCalls() {
    assertThatThrownBy(
            () -> withSsm.amis().checkInstanceTypes(AmiChoice.defaultChoice(), List.of()))
        .isInstanceOf(InvalidSpecException.class);
    assertThat(aws.calls().all()).isEmpty();
  }
}
