package dev.ekskit.nodes.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.nodes.LaunchTemplateInfo;
import dev.ekskit.nodes.LaunchTemplateSpec;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.eks.EksClient;

/** Launch templates with their secure defaults, created through the SDK against moto. */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchTemplateEmulatorTest {
  private final CallCounter calls = new CallCounter();
  private final Ec2Client ec2;
  private final EksKit kit;
  private final Nodegroups nodegroups;

  LaunchTemplateEmulatorTest(MotoAccount account) {
    ec2 = account.client(Ec2Client.builder());
    kit =
        EksKit.builder()
            .eksClient(account.client(EksClient.builder()))
            .ec2Client(
                account.client(
                    Ec2Client.builder()
                        .overrideConfiguration(c -> c.addExecutionInterceptor(calls))))
            .retry(new RetrySettings(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50)))
            .build();
    nodegroups = Nodegroups.of(kit);
  }

  @BeforeEach
  void resetCalls() {
    calls.reset();
  }

  @AfterAll
  void close() {
    kit.close();
  }

  private ResponseLaunchTemplateData data(String id) {
    return ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(id).versions("$Default"))
        .launchTemplateVersions()
        .get(0)
        .launchTemplateData();
  }

  @Test
  void create_defaults_requireImdsv2AndEncryptGp3Root() {
    LaunchTemplateInfo template =
        nodegroups
            .launchTemplates()
            .create(
                LaunchTemplateSpec.builder()
                    .name("orders-general")
                    .imageId("ami-0123456789abcdef0")
                    .userData("#!/bin/bash\necho hi\n")
                    .putTags("team", "payments")
                    .build())
            .join();

    ResponseLaunchTemplateData data = data(template.id());
    assertThat(data.metadataOptions().httpTokensAsString()).isEqualTo("required");
    assertThat(data.metadataOptions().httpPutResponseHopLimit()).isEqualTo(2);
    var root = data.blockDeviceMappings().get(0);
    assertThat(root.deviceName()).isEqualTo("/dev/xvda");
    assertThat(root.ebs().encrypted()).isTrue();
    assertThat(root.ebs().volumeTypeAsString()).isEqualTo("gp3");
    assertThat(root.ebs().volumeSize()).isEqualTo(20);
    assertThat(new String(Base64.getDecoder().decode(data.userData()), StandardCharsets.UTF_8))
        .isEqualTo("#!/bin/bash\necho hi\n");
    var templateTags =
        ec2.describeLaunchTemplates(r -> r.launchTemplateIds(template.id()))
            .launchTemplates()
            .get(0)
            .tags();
    assertThat(templateTags).extracting(Tag::key).contains("team", "ekskit.dev/managed-by");
  }

  @Test
  void create_hopLimitOne_isKept() {
    LaunchTemplateInfo template =
        nodegroups
            .launchTemplates()
            .create(LaunchTemplateSpec.builder().name("hop-one").metadataHopLimit(1).build())
            .join();

    assertThat(data(template.id()).metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
  }

  @Test
  void create_twice_adoptsOwnTemplate() {
    var spec = LaunchTemplateSpec.builder().name("twice").build();
    LaunchTemplateInfo first = nodegroups.launchTemplates().create(spec).join();

    assertThat(nodegroups.launchTemplates().create(spec).join().id()).isEqualTo(first.id());
  }

  @Test
  void create_nameTakenByForeignTemplate_conflict() {
    ec2.createLaunchTemplate(
        r -> r.launchTemplateName("foreign").launchTemplateData(d -> d.instanceType("t3.small")));

    assertThatThrownBy(
            () ->
                nodegroups
                    .launchTemplates()
                    .create(LaunchTemplateSpec.builder().name("foreign").build())
                    .join())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("owner");
  }

  @Test
  void delete_existingThenMissing_trueThenFalse() {
    nodegroups.launchTemplates().create(LaunchTemplateSpec.builder().name("gone").build()).join();

    assertThat(nodegroups.launchTemplates().delete("gone").join().deleted()).isTrue();
    assertThat(nodegroups.launchTemplates().delete("gone").join().deleted()).isFalse();
  }

  @Test
  void build_invalidSpec_refusedWithoutCalls() {
    assertThatThrownBy(
            () ->
                nodegroups
                    .launchTemplates()
                    .create(
                        LaunchTemplateSpec.builder()
                            .name("x")
                            .metadataHopLimit(0)
                            .rootVolumeGib(0)
                            .imageId("ami-bad")
                            .build()))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder(
                        "name", "metadataHopLimit", "rootVolumeGib", "imageId"));
    assertThat(calls.operations()).isEmpty();
  }
}
