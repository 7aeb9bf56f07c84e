package dev.ekskit.simulator.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ekskit.simulator.SimulatedAws;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * Launch template versions as moto and the simulation both answer them, run against both with the
 * SDK's real client. Where moto differs from AWS the simulation follows AWS (tested in {@code
 * LaunchTemplateVersionsTest}): a repeated ClientToken answers with the version it made (moto makes
 * another), SourceVersion's parameters are inherited (moto copies nothing), and
 * DeleteLaunchTemplateVersions works (moto does not implement it).
 */
@MotoTest
class MotoLaunchTemplateVersionsTest {
  private record Target(String name, Ec2Client ec2) {}

  private final SimulatedAws aws = SimulatedAws.create();
  private final List<Target> targets;

  MotoLaunchTemplateVersionsTest(MotoAccount account) {
    targets =
        List.of(
            new Target("moto", account.client(Ec2Client.builder())),
            new Target("simulation", aws.ec2()));
  }

  @AfterEach
  void closeSimulation() {
    aws.close();
  }

  @Test
  void createLaunchTemplateVersion_twice_numberedLatestMovesDefaultStays() {
    each(
        t -> {
          String id = template(t, "numbered");
          version(t, id, "ami-0000000000000000b");
          version(t, id, "ami-0000000000000000c");

          LaunchTemplate described =
              t.ec2()
                  .describeLaunchTemplates(r -> r.launchTemplateIds(id))
                  .launchTemplates()
                  .get(0);
          assertThat(described.latestVersionNumber()).as(t.name()).isEqualTo(3L);
          assertThat(described.defaultVersionNumber()).as(t.name()).isEqualTo(1L);
          assertThat(image(t, id, "$Latest")).as(t.name()).isEqualTo("ami-0000000000000000c");
          assertThat(image(t, id, "$Default")).as(t.name()).isEqualTo("ami-0000000000000000a");
          assertThat(image(t, id, "2")).as(t.name()).isEqualTo("ami-0000000000000000b");
        });
  }

  @Test
  void modifyLaunchTemplate_defaultVersion_defaultResolvesToIt() {
    each(
        t -> {
          String id = template(t, "moved");
          version(t, id, "ami-0000000000000000b");

          t.ec2().modifyLaunchTemplate(r -> r.launchTemplateId(id).defaultVersion("2"));

          assertThat(image(t, id, "$Default")).as(t.name()).isEqualTo("ami-0000000000000000b");
        });
  }

  @Test
  void versions_missingNumber_versionNotFound() {
    each(
        t -> {
          String id = template(t, "missing");

          assertVersionNotFound(t, () -> image(t, id, "7"));
          assertVersionNotFound(
              t,
              () -> t.ec2().modifyLaunchTemplate(r -> r.launchTemplateId(id).defaultVersion("7")));
        });
  }

  private void each(Consumer<Target> scenario) {
    targets.forEach(scenario);
  }

  private static String template(Target t, String name) {
    return t.ec2()
        .createLaunchTemplate(
            r ->
                r.launchTemplateName(name)
                    .launchTemplateData(
                        d -> d.imageId("ami-0000000000000000a").instanceType("m5.large")))
        .launchTemplate()
        .launchTemplateId();
  }

  private static void version(Target t, String id, String image) {
    t.ec2()
        .createLaunchTemplateVersion(
            r -> r.launchTemplateId(id).launchTemplateData(d -> d.imageId(image)));
  }

  private static String image(Target t, String id, String version) {
    return t.ec2()
        .describeLaunchTemplateVersions(r -> r.launchTemplateId(id).versions(version))
        .launchTemplateVersions()
        .get(0)
        .launchTemplateData()
        .imageId();
  }

  private static void assertVersionNotFound(Target t, ThrowingCallable call) {
    Ec2Exception error = catchThrowableOfType(Ec2Exception.class, call);
    assertThat(error).as(t.name()).isNotNull();
    assertThat(error.statusCode()).as(t.name()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode())
        .as(t.name())
        .isEqualTo("InvalidLaunchTemplateId.VersionNotFound");
  }
}
