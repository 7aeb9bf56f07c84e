package dev.ekskit.nodes.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiCombinations;
import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.AmiNotFoundException;
import dev.ekskit.nodes.AmiSource;
import dev.ekskit.nodes.Amis;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.ResolvedAmi;
import dev.ekskit.nodes.WindowsEdition;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** AMI resolution through moto's seeded SSM public parameters and AMIs, over HTTP. */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiResolutionEmulatorTest {
  private final CallCounter calls = new CallCounter();
  private final Ec2Client ec2;
  private final EksKit kit;
  private final Nodegroups nodegroups;
  private final Amis amis;

  AmiResolutionEmulatorTest(MotoAccount account) {
    ec2 = account.client(Ec2Client.builder());
    SsmClient ssm =
        account.client(
            SsmClient.builder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)));
    Ec2Client countedEc2 =
        account.client(
            Ec2Client.builder().overrideConfiguration(c -> c.addExecutionInterceptor(calls)));
    kit =
        EksKit.builder()
            .eksClient(account.client(EksClient.builder()))
            .ec2Client(countedEc2)
            .client(SsmClient.class, ssm)
            .pollingOverride(
                PollingPolicy.of(Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(30)))
            .retry(new RetrySettings(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50)))
            .build();
    nodegroups = Nodegroups.of(kit);
    amis = nodegroups.amis();
  }

  @BeforeEach
  void resetCalls() {
    calls.reset();
  }

  @AfterAll
  void close() {
    kit.close();
  }

  static Stream<AmiChoice> everyExistingChoice() {
    return AmiCombinations.existing().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExistingChoice")
  void resolve_everyExistingChoice_findsAvailableImageOfThatVariant(AmiChoice choice) {
    String k8s = AmiCombinations.versionFor(choice);

    ResolvedAmi ami = amis.resolve(choice, k8s).join();

    Image image = ec2.describeImages(r -> r.imageIds(ami.imageId())).images().get(0);
    assertThat(image.architectureAsString()).isEqualTo(choice.arch().awsName());
    assertThat(ami.imageName()).isEqualTo(image.name());
    assertThat(ami.parameter()).hasValue(choice.imageIdParameter(k8s));
    assertThat(ami.release().isPresent()).isEqualTo(!choice.isWindows());
    choice
        .windowsEdition()
        .ifPresent(
            edition ->
                assertThat(image.name())
                    .contains("-" + choice.family().windowsRelease() + "-")
                    .contains("-English-" + edition.awsName() + "-"));
    if (choice.family() == AmiFamily.BOTTLEROCKET) {
      assertThat(image.name())
          .contains(choice.fips() ? "-fips" : "-" + choice.arch().awsName())
          .contains(choice.accelerator() == Accelerator.NVIDIA ? "-nvidia" : "aws-k8s-");
    }
  }

  @Test
  void resolve_twice_readsSsmAndEc2Once() {
    AmiChoice choice = AmiChoice.al2023(CpuArch.ARM64, Accelerator.NVIDIA);

    ResolvedAmi first = amis.resolve(choice, "1.34").join();
    ResolvedAmi second = amis.resolve(choice, "1.34").join();

    assertThat(second).isEqualTo(first);
    assertThat(calls.operations()).containsExactly("GetParameters", "DescribeImages");
  }

  @Test
  void resolve_versionWithoutParameter_namesPathAndLikelyCause() {
    AmiChoice choice = AmiChoice.al2023(CpuArch.X86_64, Accelerator.NEURON);
    String path =
        "/aws/service/eks/optimized-ami/1.28/amazon-linux-2023/x86_64/neuron/recommended/image_id";

    assertThatThrownBy(() -> amis.resolve(choice, "1.28").join())
        .isInstanceOfSatisfying(
            AmiNotFoundException.class,
            e -> {
              assertThat(e.parameter()).hasValue(path);
              assertThat(e.getMessage())
                  .contains(path, "Kubernetes 1.28", "not (or no longer) supported")
                  .doesNotContain("ParameterNotFound");
            });
  }

  @Test
  void resolve_pinnedImageIdOfOtherArch_refusedAsArchMismatch() {
    String x86 = amis.resolve(AmiChoice.defaultChoice(), "1.33").join().imageId();

    assertThatThrownBy(
            () ->
                amis.resolve(
                        AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE),
                        "1.33",
                        AmiSource.imageId(x86))
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.rule()).isEqualTo("arch-mismatch")));
  }

  @Test
  void resolve_pinnedImageIdOfSameArch_usesItWithoutSsm() {
    String arm =
        amis.resolve(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE), "1.32").join().imageId();
    calls.reset();

    ResolvedAmi pinned =
        amis.resolve(
                AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE), "1.33", AmiSource.imageId(arm))
            .join();

    assertThat(pinned.imageId()).isEqualTo(arm);
    assertThat(pinned.parameter()).isEmpty();
    assertThat(calls.operations()).containsExactly("DescribeImages");
  }

  @Test
  void resolve_unknownImageId_failsNamingIt() {
    assertThatThrownBy(
            () ->
                amis.resolve(
                        AmiChoice.defaultChoice(),
                        "1.33",
                        AmiSource.imageId("ami-0123456789abcdef0"))
                    .join())
        .isInstanceOfSatisfying(
            AmiNotFoundException.class,
            e -> {
              assertThat(e.imageId()).hasValue("ami-0123456789abcdef0");
              assertThat(e.getMessage()).contains("ami-0123456789abcdef0", "does not exist");
            });
  }

  @Test
  void resolve_pinnedReleaseOfUnpublishedName_failsNamingPinnedPath() {
    assertThatThrownBy(
            () ->
                amis.resolve(
                        AmiChoice.defaultChoice(),
                        "1.33",
                        AmiSource.release("amazon-eks-node-al2023-x86_64-standard-1.33-v19990101"))
                    .join())
        .isInstanceOfSatisfying(
            AmiNotFoundException.class,
            e ->
                assertThat(e.parameter())
                    .hasValue(
                        "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/"
                            + "amazon-eks-node-al2023-x86_64-standard-1.33-v19990101/image_id"));
  }

  static Stream<Object[]> invalidRequests() {
    return Stream.of(
        new Object[] {
          AmiChoice.al2(CpuArch.X86_64, Accelerator.NONE), "1.33", AmiSource.recommended()
        },
        new Object[] {
          AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2025, WindowsEdition.FULL),
          "1.34",
          AmiSource.recommended()
        },
        new Object[] {
          AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE),
          "1.33",
          AmiSource.release("2025.11.12")
        },
        new Object[] {AmiChoice.defaultChoice(), "1.33", AmiSource.imageId("ami-XYZ")});
  }

  @ParameterizedTest
  @MethodSource("invalidRequests")
  void resolve_invalidRequest_throwsBeforeAnyAwsCall(
      AmiChoice choice, String k8s, AmiSource source) {
    assertThatThrownBy(() -> amis.resolve(choice, k8s, source))
        .isInstanceOf(InvalidSpecException.class);
    assertThat(calls.operations()).isEmpty();
  }

  @Test
  void checkInstanceTypes_matchingArch_returnsFacts() {
    var facts =
        amis.checkInstanceTypes(
                AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE),
                List.of("m7g.large", "c7g.xlarge"))
            .join();

    assertThat(facts)
        .extracting(f -> f.architectures())
        .allSatisfy(a -> assertThat(a).contains(CpuArch.ARM64));
  }

  @Test
  void checkInstanceTypes_otherArchAndUnknown_listsEveryMismatch() {
    assertThatThrownBy(
            () ->
                amis.checkInstanceTypes(
                        AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE),
                        List.of("m5.large", "m7g.large"))
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("instanceTypes[0]");
                          assertThat(v.rule()).isEqualTo("arch-mismatch");
                        }));
  }

  @Test
  void checkInstanceTypes_gpuTypeOnStandardAmi_refusedWithAcceleratorHint() {
    assertThatThrownBy(
            () -> amis.checkInstanceTypes(AmiChoice.defaultChoice(), List.of("g5.xlarge")).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.rule()).isEqualTo("accelerator-mismatch");
                          assertThat(v.message()).contains("Accelerator.NVIDIA");
                        }));
  }

  @Test
  void checkInstanceTypes_gpuTypeOnNvidiaAmi_accepted() {
    var facts =
        amis.checkInstanceTypes(
                AmiChoice.al2023(CpuArch.X86_64, Accelerator.NVIDIA), List.of("g5.xlarge"))
            .join();

    assertThat(facts)
        .singleElement()
        .satisfies(f -> assertThat(f.accelerator()).isEqualTo(Accelerator.NVIDIA));
  }
}
