package dev.ekskit.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

class SelfManagedNodegroupSpecTest {
  private static final AmiChoice WINDOWS =
      AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE);

  private static SelfManagedNodegroupSpec.Builder valid() {
    return SelfManagedNodegroupSpec.builder()
        .clusterName("orders")
        .name("batch")
        .nodeRoleArn("arn:aws:iam::123456789012:role/eks-node")
        .addSubnetIds("subnet-0a1b2c3d4e5f60718")
        .addInstanceTypes("m5.large");
  }

  @Test
  void build_minimalSpec_takesSecureDefaults() {
    SelfManagedNodegroupSpec spec = valid().build();

    assertThat(spec.resourceName()).isEqualTo("orders-batch");
    assertThat(spec.ami()).isEqualTo(AmiChoice.defaultChoice());
    assertThat(spec.amiSource()).isEqualTo(AmiSource.recommended());
    assertThat(spec.effectiveVolumeGib()).isEqualTo(20);
    assertThat(spec.metadataHopLimit()).isEqualTo(2);
    assertThat(new int[] {spec.minSize(), spec.desiredSize(), spec.maxSize()})
        .containsExactly(1, 2, 2);
  }

  @Test
  void build_severalTypesOrSpot_needsMixedInstancesPolicy() {
    assertThat(valid().build().mixedInstances()).isFalse();
    assertThat(valid().addInstanceTypes("m6i.large").build().mixedInstances()).isTrue();
    assertThat(valid().capacityType(CapacityTypes.SPOT).build().mixedInstances()).isTrue();
  }

  @Test
  void build_withoutSubnetsOrNodeRole_acceptedAsABlueprintPart() {
    SelfManagedNodegroupSpec part =
        SelfManagedNodegroupSpec.builder()
            .clusterName("orders")
            .name("batch")
            .addInstanceTypes("m5.large")
            .build();

    assertThat(part.subnetIds()).isEmpty();
    assertThat(part.nodeRoleArn()).isEmpty();
    assertThat(part.partName()).isEqualTo("batch");
  }

  @Test
  void build_windows_volumeDefaultsToItsImageSize() {
    assertThat(valid().ami(WINDOWS).build().effectiveVolumeGib()).isEqualTo(50);
  }

  @Test
  void build_noInstanceTypes_runsTheDefaultAsAManagedGroupWould() {
    SelfManagedNodegroupSpec spec = valid().instanceTypes(List.of()).build();

    assertThat(spec.effectiveInstanceTypes()).containsExactly("t3.medium");
    assertThat(spec.mixedInstances()).isFalse();
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        row("name", "pattern", b -> b.name("-bad")),
        row("name", "combined-length", b -> b.clusterName("c".repeat(100)).name("n".repeat(63))),
        row("clusterName", "required", b -> b.clusterName("")),
        row("nodeRoleArn", "pattern", b -> b.nodeRoleArn("eks-node")),
        row("instanceTypes[0]", "pattern", b -> b.instanceTypes(List.of("large"))),
        row(
            "instanceTypes",
            "max-size",
            b -> b.instanceTypes(java.util.Collections.nCopies(21, "m5.large"))),
        row("capacityType", "one-of", b -> b.capacityType(CapacityTypes.CAPACITY_BLOCK)),
        row("desiredSize", "between-min-and-max", b -> b.minSize(2).desiredSize(1).maxSize(3)),
        row("maxSize", "range", b -> b.minSize(0).desiredSize(0).maxSize(0)),
        row("volumeGib", "range", b -> b.volumeGib(0)),
        row("volumeGib", "range", b -> b.ami(WINDOWS).volumeGib(30)),
        row("metadataHopLimit", "range", b -> b.metadataHopLimit(65)),
        row("securityGroupIds[0]", "pattern", b -> b.addSecurityGroupIds("default")),
        row("labels[bad key!]", "pattern", b -> b.putLabels("bad key!", "x")),
        row(
            "taints[1]",
            "unique-key-effect",
            b ->
                b.addTaints(
                    NodeTaint.parse("dedicated=a:NoSchedule"),
                    NodeTaint.parse("dedicated=b:NoSchedule"))),
        row(
            "instanceTypes",
            "required-for-accelerator",
            b ->
                b.instanceTypes(List.of())
                    .ami(AmiChoice.al2023(CpuArch.X86_64, Accelerator.NVIDIA))),
        row("maxPods", "range", b -> b.maxPods(0)),
        row("preBootstrapCommands[0]", "pattern", b -> b.addPreBootstrapCommands("a\nb")),
        row(
            "preBootstrapCommands",
            "bottlerocket-no-shell",
            b ->
                b.ami(AmiChoice.bottlerocket(CpuArch.X86_64, Accelerator.NONE, false))
                    .addPreBootstrapCommands("echo hi")),
        row("vpcCniWindowsIpamEnabled", "windows-only", b -> b.vpcCniWindowsIpamEnabled(true)),
        row("amiSource.imageId", "pattern", b -> b.amiSource(AmiSource.imageId("image-1"))),
        row(
            "amiSource.release",
            "windows-latest-only",
            b -> b.ami(WINDOWS).amiSource(AmiSource.release("2025.11.12"))),
        row(
            "ami.family",
            "al2-end-of-life",
            b -> b.ami(AmiChoice.al2(CpuArch.X86_64, Accelerator.NONE)).kubernetesVersion("1.33")),
        row("tags[ekskit.dev/x]", "reserved", b -> b.putTags("ekskit.dev/x", "y")));
  }

  private static Arguments row(
      String field, String rule, UnaryOperator<SelfManagedNodegroupSpec.Builder> change) {
    return Arguments.of(field, rule, change);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("broken")
  void build_brokenField_namesFieldAndRule(
      String field, String rule, UnaryOperator<SelfManagedNodegroupSpec.Builder> change) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .anySatisfy(
                        v -> {
                          assertThat(v.field()).isEqualTo(field);
                          assertThat(v.rule()).isEqualTo(rule);
                        }));
  }

  @Test
  void build_severalBroken_reportsAllAtOnce() {
    assertThatThrownBy(
            () ->
                valid()
                    .name("-x")
                    .instanceTypes(List.of("big"))
                    .maxPods(0)
                    .metadataHopLimit(0)
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains("name", "instanceTypes[0]", "maxPods", "metadataHopLimit"));
  }
}
