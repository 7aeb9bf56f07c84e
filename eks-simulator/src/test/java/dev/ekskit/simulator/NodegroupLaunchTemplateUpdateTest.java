package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** UpdateNodegroupVersion to a new version of the node group's own launch template. */
class NodegroupLaunchTemplateUpdateTest extends SimulatedAwsFixture {
  private String templateId;

  @BeforeEach
  void nodegroupFromLaunchTemplateVersionOne() {
    aws.durations().clusterVersionUpdate(Duration.ofMinutes(10));
    activeCluster("orders");
    templateId =
        aws.ec2()
            .createLaunchTemplate(
                r ->
                    r.launchTemplateName("nodes")
                        .launchTemplateData(d -> d.imageId("ami-0000000000000000a")))
            .launchTemplate()
            .launchTemplateId();
    aws.ec2()
        .createLaunchTemplateVersion(
            r ->
                r.launchTemplateId(templateId)
                    .sourceVersion("1")
                    .launchTemplateData(d -> d.imageId("ami-0000000000000000b")));
    eks.createNodegroup(
        r ->
            r.clusterName("orders")
                .nodegroupName("custom")
                .nodeRole("arn:aws:iam::123456789012:role/node")
                .subnets(subnets)
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(2))
                .launchTemplate(t -> t.id(templateId).version("1")));
    aws.time().advance(Duration.ofMinutes(10));
  }

  @Test
  void updateNodegroupVersion_latestTemplateVersion_updatingThenOnItsNumber() {
    Update started = update("$Latest", null);

    aws.time().advance(Duration.ofMinutes(10));

    assertThat(started.params())
        .extracting(p -> p.type(), p -> p.value())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(UpdateParamType.LAUNCH_TEMPLATE_NAME, "nodes"),
            org.assertj.core.groups.Tuple.tuple(UpdateParamType.LAUNCH_TEMPLATE_VERSION, "2"));
    assertThat(
            eks.describeUpdate(r -> r.name("orders").nodegroupName("custom").updateId(started.id()))
                .update()
                .status())
        .isEqualTo(UpdateStatus.SUCCESSFUL);
    assertThat(template().version()).isEqualTo("2");
    assertThat(template().id()).isEqualTo(templateId);
    assertAwsError(
        () -> update("2", null), InvalidParameterException.class, 400, "InvalidParameterException");
  }

  @Test
  void updateNodegroupVersion_missingVersionOrNodegroupWithoutTemplate_invalidParameter() {
    eks.createNodegroup(
        r ->
            r.clusterName("orders")
                .nodegroupName("plain")
                .nodeRole("arn:aws:iam::123456789012:role/node")
                .subnets(subnets)
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(2)));
    aws.time().advance(Duration.ofMinutes(10));

    assertAwsError(
        () -> update("9", null), InvalidParameterException.class, 400, "InvalidParameterException");
    assertAwsError(
        () ->
            eks.updateNodegroupVersion(
                r ->
                    r.clusterName("orders")
                        .nodegroupName("plain")
                        .launchTemplate(t -> t.id(templateId).version("2"))),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  /** The answer got lost; the same call with its token finds the update it started. */
  @Test
  void updateNodegroupVersion_lostAnswerThenSameToken_oneUpdate() {
    aws.faults().commitThenFail("UpdateNodegroupVersion", 500);
    assertAwsError(() -> update("2", "t1"), EksException.class, 500, "InternalFailure");

    Update again = update("2", "t1");

    assertThat(eks.listUpdates(r -> r.name("orders").nodegroupName("custom")).updateIds())
        .containsExactly(again.id());
  }

  private Update update(String version, String token) {
    return eks.updateNodegroupVersion(
            r ->
                r.clusterName("orders")
                    .nodegroupName("custom")
                    .clientRequestToken(token)
                    .launchTemplate(t -> t.id(templateId).version(version)))
        .update();
  }

  private LaunchTemplateSpecification template() {
    return eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("custom"))
        .nodegroup()
        .launchTemplate();
  }
}
