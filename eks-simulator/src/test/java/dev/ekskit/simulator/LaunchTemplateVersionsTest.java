package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateErrorCode;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/** Launch template versions: numbered creates, $Latest and $Default, the default, deletes. */
class LaunchTemplateVersionsTest extends SimulatedAwsFixture {
  private static final String AMI_1 = "ami-0000000000000000a";
  private static final String AMI_2 = "ami-0000000000000000b";

  private final Ec2Client ec2 = aws.ec2();
  private final String templateId =
      ec2.createLaunchTemplate(
              r ->
                  r.launchTemplateName("nodes")
                      .launchTemplateData(
                          d ->
                              d.imageId(AMI_1)
                                  .instanceType("m5.large")
                                  .userData("Ym9vdA==")
                                  .metadataOptions(m -> m.httpTokens("required"))))
          .launchTemplate()
          .launchTemplateId();

  @Test
  void createLaunchTemplateVersion_fromSource_inheritsWhatItLeavesOutAndIsLatestNotDefault() {
    LaunchTemplateVersion second =
        ec2.createLaunchTemplateVersion(
                r ->
                    r.launchTemplateId(templateId)
                        .sourceVersion("1")
                        .versionDescription("new AMI")
                        .launchTemplateData(d -> d.imageId(AMI_2)))
            .launchTemplateVersion();

    assertThat(second.versionNumber()).isEqualTo(2L);
    assertThat(second.defaultVersion()).isFalse();
    assertThat(second.launchTemplateData().imageId()).isEqualTo(AMI_2);
    assertThat(second.launchTemplateData().instanceTypeAsString()).isEqualTo("m5.large");
    assertThat(second.launchTemplateData().userData()).isEqualTo("Ym9vdA==");
    assertThat(second.launchTemplateData().metadataOptions().httpTokensAsString())
        .isEqualTo("required");
    assertThat(template().latestVersionNumber()).isEqualTo(2L);
    assertThat(template().defaultVersionNumber()).isEqualTo(1L);
    assertThat(image("$Latest")).isEqualTo(AMI_2);
    assertThat(image("$Default")).isEqualTo(AMI_1);
    assertThat(image("2")).isEqualTo(AMI_2);
  }

  @Test
  void createLaunchTemplateVersion_withoutSource_onlyItsOwnData() {
    LaunchTemplateVersion second =
        ec2.createLaunchTemplateVersion(
                r -> r.launchTemplateName("nodes").launchTemplateData(d -> d.imageId(AMI_2)))
            .launchTemplateVersion();

    assertThat(second.launchTemplateData().instanceType()).isNull();
  }

  @Test
  void modifyLaunchTemplate_defaultVersion_movesDefault() {
    newVersion(AMI_2, null);

    LaunchTemplate modified =
        ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion("2"))
            .launchTemplate();

    assertThat(modified.defaultVersionNumber()).isEqualTo(2L);
    assertThat(image("$Default")).isEqualTo(AMI_2);
    assertThat(
            ec2.describeLaunchTemplateVersions(
                    r ->
                        r.launchTemplateId(templateId)
                            .filters(f -> f.name("is-default-version").values("true")))
                .launchTemplateVersions())
        .extracting(LaunchTemplateVersion::versionNumber)
        .containsExactly(2L);
  }

  @Test
  void versions_missingNumberOrSource_versionNotFound400() {
    assertAwsError(
        () -> image("7"), Ec2Exception.class, 400, "InvalidLaunchTemplateId.VersionNotFound");
    assertAwsError(
        () ->
            ec2.createLaunchTemplateVersion(
                r ->
                    r.launchTemplateId(templateId)
                        .sourceVersion("5")
                        .launchTemplateData(d -> d.imageId(AMI_2))),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateId.VersionNotFound");
    assertAwsError(
        () -> ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion("9")),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateId.VersionNotFound");
    assertAwsError(
        () ->
            ec2.createLaunchTemplateVersion(
                r ->
                    r.launchTemplateId("lt-0123456789abcdef0")
                        .launchTemplateData(d -> d.imageId(AMI_2))),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateId.NotFound");
  }

  @Test
  void describeLaunchTemplateVersions_rangeAndPages_inOrder() {
    newVersion(AMI_2, null);
    newVersion(AMI_2, null);

    assertThat(
            ec2.describeLaunchTemplateVersions(
                    r -> r.launchTemplateId(templateId).minVersion("2").maxVersion("3"))
                .launchTemplateVersions())
        .extracting(LaunchTemplateVersion::versionNumber)
        .containsExactly(2L, 3L);
    assertThat(
            ec2
                .describeLaunchTemplateVersionsPaginator(
                    r -> r.launchTemplateId(templateId).maxResults(1))
                .launchTemplateVersions()
                .stream()
                .map(LaunchTemplateVersion::versionNumber))
        .containsExactly(1L, 2L, 3L);
    assertThat(
            ec2.describeLaunchTemplateVersions(r -> r.versions("$Latest")).launchTemplateVersions())
        .extracting(LaunchTemplateVersion::versionNumber)
        .containsExactly(3L);
  }

  @Test
  void deleteLaunchTemplateVersions_defaultAndMissing_reportedNotDeletedOthersGo() {
    newVersion(AMI_2, null);

    DeleteLaunchTemplateVersionsResponse answer =
        ec2.deleteLaunchTemplateVersions(
            r -> r.launchTemplateId(templateId).versions("1", "2", "8"));

    assertThat(answer.successfullyDeletedLaunchTemplateVersions())
        .extracting(v -> v.versionNumber())
        .containsExactly(2L);
    assertThat(answer.unsuccessfullyDeletedLaunchTemplateVersions())
        .extracting(v -> v.versionNumber(), v -> v.responseError().code())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, LaunchTemplateErrorCode.UNEXPECTED_ERROR),
            org.assertj.core.groups.Tuple.tuple(
                8L, LaunchTemplateErrorCode.LAUNCH_TEMPLATE_VERSION_DOES_NOT_EXIST));
    assertThat(template().latestVersionNumber()).isEqualTo(2L);
    assertAwsError(
        () -> image("2"), Ec2Exception.class, 400, "InvalidLaunchTemplateId.VersionNotFound");
  }

  @Test
  void createLaunchTemplateVersion_sameTokenAgain_sameVersionOtherRequestMismatch() {
    long first = newVersion(AMI_2, "token-1").versionNumber();

    long again = newVersion(AMI_2, "token-1").versionNumber();

    assertThat(again).isEqualTo(first);
    assertThat(template().latestVersionNumber()).isEqualTo(2L);
    assertAwsError(
        () -> newVersion(AMI_1, "token-1"), Ec2Exception.class, 400, "IdempotentParameterMismatch");
  }

  /** The answer got lost and the process stopped; the same call again makes no second version. */
  @Test
  void createLaunchTemplateVersion_lostAnswerThenSameCall_oneVersion() {
    aws.faults().commitThenFail("CreateLaunchTemplateVersion", 500);
    assertAwsError(() -> newVersion(AMI_2, "token-1"), Ec2Exception.class, 500, "InternalError");

    LaunchTemplateVersion again = newVersion(AMI_2, "token-1");

    assertThat(again.versionNumber()).isEqualTo(2L);
    assertThat(
            ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId))
                .launchTemplateVersions())
        .hasSize(2);
  }

  @Test
  void modifyLaunchTemplate_lostAnswerThenAgain_defaultMovedOnce() {
    newVersion(AMI_2, null);
    aws.faults().commitThenFail("ModifyLaunchTemplate", 503);
    assertAwsError(
        () -> ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion("2")),
        Ec2Exception.class,
        503,
        "Unavailable");

    assertThat(template().defaultVersionNumber()).isEqualTo(2L);
    ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion("2"));
    assertThat(template().defaultVersionNumber()).isEqualTo(2L);
  }

  /** The answer got lost; the version is gone, and deleting it again reports it missing. */
  @Test
  void deleteLaunchTemplateVersions_lostAnswerThenAgain_goneAndReportedMissing() {
    newVersion(AMI_2, null);
    aws.faults().commitThenFail("DeleteLaunchTemplateVersions", 500);
    assertAwsError(
        () -> ec2.deleteLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions("2")),
        Ec2Exception.class,
        500,
        "InternalError");

    DeleteLaunchTemplateVersionsResponse again =
        ec2.deleteLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions("2"));

    assertThat(again.unsuccessfullyDeletedLaunchTemplateVersions())
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.responseError().code())
                    .isEqualTo(LaunchTemplateErrorCode.LAUNCH_TEMPLATE_VERSION_DOES_NOT_EXIST));
    assertThat(template().latestVersionNumber()).isEqualTo(2L);
  }

  @Test
  void launchTemplate_idAndNameBoth_invalidParameterCombination() {
    assertAwsError(
        () ->
            ec2.createLaunchTemplateVersion(
                r ->
                    r.launchTemplateId(templateId)
                        .launchTemplateName("nodes")
                        .launchTemplateData(d -> d.imageId(AMI_2))),
        Ec2Exception.class,
        400,
        "InvalidParameterCombination");
  }

  private LaunchTemplateVersion newVersion(String ami, String token) {
    return ec2.createLaunchTemplateVersion(
            r ->
                r.launchTemplateId(templateId)
                    .sourceVersion("$Latest")
                    .clientToken(token)
                    .launchTemplateData(d -> d.imageId(ami)))
        .launchTemplateVersion();
  }

  private String image(String version) {
    List<LaunchTemplateVersion> versions =
        ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions(version))
            .launchTemplateVersions();
    assertThat(versions).hasSize(1);
    return versions.get(0).launchTemplateData().imageId();
  }

  private LaunchTemplate template() {
    return ec2.describeLaunchTemplates(r -> r.launchTemplateIds(templateId))
        .launchTemplates()
        .get(0);
  }
}
