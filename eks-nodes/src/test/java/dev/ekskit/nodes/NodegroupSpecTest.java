package dev.ekskit.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodegroupSpecTest {
  private static NodegroupSpec.Builder valid() {
    return NodegroupSpec.builder()
        .clusterName("orders")
        .name("general")
        .nodeRoleArn("arn:aws:iam::123456789012:role/eks-node")
        .addSubnetIds("subnet-0a1b2c3d4e5f60718");
  }

  @Test
  void build_minimalSpec_takesEksDefaults() {
    NodegroupSpec spec = valid().build();

    assertThat(spec.ami()).isEqualTo(AmiChoice.defaultChoice());
    assertThat(new int[] {spec.minSize(), spec.desiredSize(), spec.maxSize()})
        .containsExactly(1, 2, 2);
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        row("name", "pattern", b -> b.name("-bad")),
        row("name", "max-length", b -> b.name("n".repeat(64))),
        row("clusterName", "required", b -> b.clusterName("")),
        row("subnetIds[0]", "pattern", b -> b.subnetIds(java.util.List.of("subnet-x"))),
        row("nodeRoleArn", "pattern", b -> b.nodeRoleArn("eks-node")),
        row("instanceTypes[0]", "pattern", b -> b.addInstanceTypes("large")),
        row(
            "instanceTypes",
            "max-size",
            b -> b.instanceTypes(java.util.Collections.nCopies(21, "m5.large"))),
        row("minSize", "range", b -> b.minSize(-1).desiredSize(0)),
        row("maxSize", "range", b -> b.minSize(0).desiredSize(0).maxSize(0)),
        row("desiredSize", "between-min-and-max", b -> b.minSize(2).desiredSize(1).maxSize(3)),
        row("desiredSize", "between-min-and-max", b -> b.desiredSize(5).maxSize(4)),
        row("volumeGib", "range", b -> b.volumeGib(0)),
        row(
            "volumeGib",
            "range",
            b ->
                b.ami(AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE))
                    .volumeGib(30)),
        row(
            "volumeGib",
            "launch-template",
            b -> b.volumeGib(50).launchTemplateId("lt-0123456789abcdef0")),
        row(
            "instanceTypes",
            "required-for-accelerator",
            b -> b.ami(AmiChoice.al2023(CpuArch.X86_64, Accelerator.NVIDIA))),
        row("launchTemplateId", "pattern", b -> b.launchTemplateId("template")),
        row("launchTemplateVersion", "requires", b -> b.launchTemplateVersion("3")),
        row("maxUnavailable", "one-of", b -> b.maxUnavailable(1).maxUnavailablePercentage(10)),
        row("maxUnavailablePercentage", "range", b -> b.maxUnavailablePercentage(101)),
        row(
            "taints[1]",
            "unique-key-effect",
            b ->
                b.addTaints(
                    NodeTaint.of("gpu", "a", NodeTaint.Effect.NO_SCHEDULE),
                    NodeTaint.of("gpu", "b", NodeTaint.Effect.NO_SCHEDULE))),
        row(
            "taints",
            "max-size",
            b ->
                b.taints(
                    java.util.stream.IntStream.range(0, 51)
                        .mapToObj(i -> NodeTaint.of("k" + i, NodeTaint.Effect.NO_SCHEDULE))
                        .toList())),
        row(
            "taints[0].key",
            "max-length",
            b ->
                b.addTaints(
                    NodeTaint.of("example.com/" + "k".repeat(60), NodeTaint.Effect.NO_SCHEDULE))),
        row("tags[ekskit.dev/x]", "reserved", b -> b.putTags("ekskit.dev/x", "y")),
        row(
            "ami.family",
            "al2-end-of-life",
            b -> b.kubernetesVersion("1.33").ami(AmiChoice.al2(CpuArch.X86_64, Accelerator.NONE))),
        row("kubernetesVersion", "pattern", b -> b.kubernetesVersion("latest")),
        row("customAmi", "requires", b -> b.customAmi(true)),
        row(
            "amiSource",
            "custom-ami",
            b ->
                b.customAmi(true)
                    .launchTemplateId("lt-0123456789abcdef0")
                    .amiSource(AmiSource.release("1.33.5-20251101"))),
        row(
            "amiSource",
            "custom-ami-only",
            b -> b.amiSource(AmiSource.imageId("ami-0123456789abcdef0"))),
        row("amiSource.release", "pattern", b -> b.amiSource(AmiSource.release("1.33 latest"))));
  }

  private static Arguments row(
      String field, String rule, UnaryOperator<NodegroupSpec.Builder> change) {
    return Arguments.of(field, rule, change);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("broken")
  void build_brokenRule_namesFieldAndRule(
      String field, String rule, UnaryOperator<NodegroupSpec.Builder> change) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.specType()).isEqualTo("NodegroupSpec");
              assertThat(e.violations())
                  .anyMatch(v -> v.field().equals(field) && v.rule().equals(rule));
            });
  }

  @Test
  void build_severalBrokenRules_reportsAllAtOnce() {
    assertThatThrownBy(
            () -> valid().name("").nodeRoleArn("x").maxSize(0).desiredSize(0).minSize(0).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class, e -> assertThat(e.violations()).hasSize(3));
  }

  @Test
  void build_withoutSubnetsOrNodeRole_acceptedAsABlueprintPart() {
    NodegroupSpec part = NodegroupSpec.builder().clusterName("orders").name("general").build();

    assertThat(part.subnetIds()).isEmpty();
    assertThat(part.nodeRoleArn()).isEmpty();
    assertThat(part.partName()).isEqualTo("general");
  }

  @Test
  void build_validTaintAndUpdateLimit_accepted() {
    NodegroupSpec spec =
        valid()
            .addTaints(NodeTaint.of("gpu", "true", NodeTaint.Effect.NO_SCHEDULE))
            .maxUnavailablePercentage(25)
            .build();

    assertThat(spec.taints()).hasSize(1);
  }

  @Test
  void build_customAmiWithTemplateAndImageId_accepted() {
    NodegroupSpec spec =
        valid()
            .customAmi(true)
            .launchTemplateId("lt-0123456789abcdef0")
            .amiSource(AmiSource.imageId("ami-0123456789abcdef0"))
            .build();

    assertThat(spec.amiSource().pinnedImageId()).contains("ami-0123456789abcdef0");
  }

  @Test
  void effectiveInstanceTypes_noneGiven_sameDefaultAsSelfManagedPerArchitecture() {
    NodegroupSpec x86 = valid().build();
    NodegroupSpec arm = valid().ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE)).build();

    assertThat(x86.effectiveInstanceTypes()).containsExactly("t3.medium");
    assertThat(arm.effectiveInstanceTypes()).containsExactly("t4g.medium");
    assertThat(
            SelfManagedNodegroupSpec.builder()
                .clusterName("orders")
                .name("batch")
                .ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
                .build()
                .effectiveInstanceTypes())
        .isEqualTo(arm.effectiveInstanceTypes());
  }
}
