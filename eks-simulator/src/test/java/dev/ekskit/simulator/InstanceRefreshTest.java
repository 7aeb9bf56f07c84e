package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.ActiveInstanceRefreshNotFoundException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshInProgressException;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Instance refreshes: Pending, batches replaced as MinHealthyPercentage allows, each new instance
 * from the desired launch template version, then Successful, Failed or Cancelled.
 */
class InstanceRefreshTest extends SimulatedAwsFixture {
  private final AutoScalingClient autoScaling = aws.autoScaling();
  private String templateId;

  @BeforeEach
  void fourInstancesOnVersionOne() {
    aws.durations()
        .instanceRefreshStart(Duration.ofSeconds(30))
        .instanceLaunch(Duration.ofMinutes(2))
        .instanceTerminate(Duration.ofMinutes(1));
    templateId =
        aws.ec2()
            .createLaunchTemplate(
                r ->
                    r.launchTemplateName("nodes")
                        .launchTemplateData(
                            d -> d.imageId("ami-0000000000000000a").instanceType("m5.large")))
            .launchTemplate()
            .launchTemplateId();
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName("workers")
                .launchTemplate(t -> t.launchTemplateId(templateId).version("1"))
                .minSize(0)
                .desiredCapacity(4)
                .maxSize(6)
                .vpcZoneIdentifier(String.join(",", subnets)));
    aws.time().advance(Duration.ofMinutes(5));
    aws.ec2()
        .createLaunchTemplateVersion(
            r ->
                r.launchTemplateId(templateId)
                    .sourceVersion("1")
                    .launchTemplateData(d -> d.imageId("ami-0000000000000000b")));
  }

  @Test
  void startInstanceRefresh_twoAtATime_pendingThenBatchesThenSuccessfulAllOnNewVersion() {
    String id = start(r -> r.preferences(p -> p.minHealthyPercentage(50).instanceWarmup(60)));

    InstanceRefresh pending = refresh(id);
    aws.time().advance(Duration.ofMinutes(1));
    InstanceRefresh firstBatch = refresh(id);
    List<Instance> duringFirstBatch = instances();
    aws.time().advance(Duration.ofMinutes(3));
    InstanceRefresh half = refresh(id);
    aws.time().advance(Duration.ofMinutes(3));

    assertThat(pending.status()).isEqualTo(InstanceRefreshStatus.PENDING);
    assertThat(firstBatch.status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
    assertThat(firstBatch.percentageComplete()).isZero();
    assertThat(firstBatch.instancesToUpdate()).isEqualTo(4);
    assertThat(duringFirstBatch)
        .extracting(Instance::lifecycleStateAsString, i -> i.launchTemplate().version())
        .containsExactlyInAnyOrder(
            tuple("InService", "1"),
            tuple("InService", "1"),
            tuple("Terminating", "1"),
            tuple("Terminating", "1"),
            tuple("Pending", "2"),
            tuple("Pending", "2"));
    assertThat(half.percentageComplete()).isEqualTo(50);
    assertThat(half.instancesToUpdate()).isEqualTo(2);
    InstanceRefresh done = refresh(id);
    assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(done.percentageComplete()).isEqualTo(100);
    assertThat(done.endTime()).isNotNull();
    assertThat(instances())
        .hasSize(4)
        .allSatisfy(
            i -> {
              assertThat(i.launchTemplate().version()).isEqualTo("2");
              assertThat(i.imageId()).isEqualTo("ami-0000000000000000b");
              assertThat(i.lifecycleStateAsString()).isEqualTo("InService");
            });
    assertThat(group().launchTemplate().version()).isEqualTo("2");
    assertThat(ec2VersionTags()).containsOnly("2");
  }

  @Test
  void startInstanceRefresh_whileOneIsActive_instanceRefreshInProgress() {
    start(r -> {});

    assertAwsError(
        () -> start(r -> {}),
        InstanceRefreshInProgressException.class,
        400,
        "InstanceRefreshInProgress");
  }

  @Test
  void cancelInstanceRefresh_inProgress_finishesBatchThenCancelledGroupUnchanged() {
    String id = start(r -> r.preferences(p -> p.minHealthyPercentage(50)));
    aws.time().advance(Duration.ofMinutes(1));

    String cancelled =
        autoScaling
            .cancelInstanceRefresh(r -> r.autoScalingGroupName("workers"))
            .instanceRefreshId();
    InstanceRefreshStatus cancelling = refresh(id).status();
    aws.time().advance(Duration.ofMinutes(10));

    assertThat(cancelled).isEqualTo(id);
    assertThat(cancelling).isEqualTo(InstanceRefreshStatus.CANCELLING);
    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.CANCELLED);
    assertThat(instances())
        .extracting(i -> i.launchTemplate().version())
        .containsExactlyInAnyOrder("1", "1", "2", "2");
    assertThat(group().launchTemplate().version()).isEqualTo("1");
    assertAwsError(
        () -> autoScaling.cancelInstanceRefresh(r -> r.autoScalingGroupName("workers")),
        ActiveInstanceRefreshNotFoundException.class,
        400,
        "ActiveInstanceRefreshNotFound");
  }

  @Test
  void failInstanceRefresh_afterFirstBatch_failedWithReasonReplacedInstancesStay() {
    aws.faults().failInstanceRefresh("workers", "instances failed their health checks");
    String id = start(r -> r.preferences(p -> p.minHealthyPercentage(50)));

    aws.time().advance(Duration.ofMinutes(20));

    InstanceRefresh failed = refresh(id);
    assertThat(failed.status()).isEqualTo(InstanceRefreshStatus.FAILED);
    assertThat(failed.statusReason()).isEqualTo("instances failed their health checks");
    assertThat(failed.percentageComplete()).isEqualTo(50);
    assertThat(instances())
        .extracting(i -> i.launchTemplate().version())
        .containsExactlyInAnyOrder("1", "1", "2", "2");
    assertThat(group().launchTemplate().version()).isEqualTo("1");
  }

  @Test
  void startInstanceRefresh_launchesFail_failedWithTheLaunchError() {
    String id = start(r -> {});
    aws.faults().failInstanceLaunches("workers", "We currently do not have sufficient capacity.");

    aws.time().advance(Duration.ofMinutes(5));

    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.FAILED);
    assertThat(refresh(id).statusReason())
        .contains("We currently do not have sufficient capacity.");
    assertThat(instances()).extracting(i -> i.launchTemplate().version()).containsOnly("1");
  }

  @Test
  void startInstanceRefresh_skipMatchingOnCurrentVersion_successfulReplacingNothing() {
    List<String> before = instances().stream().map(Instance::instanceId).toList();

    String id =
        start(
            r ->
                r.preferences(p -> p.skipMatching(true))
                    .desiredConfiguration(
                        d -> d.launchTemplate(t -> t.launchTemplateId(templateId).version("1"))));
    aws.time().advance(Duration.ofMinutes(1));

    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(refresh(id).preferences().skipMatching()).isTrue();
    assertThat(instances()).extracting(Instance::instanceId).containsExactlyElementsOf(before);
  }

  @Test
  void updateAutoScalingGroup_latestVersionThenRefreshWithoutDesired_newLaunchesAndRefreshUseIt() {
    autoScaling.updateAutoScalingGroup(
        r ->
            r.autoScalingGroupName("workers")
                .launchTemplate(t -> t.launchTemplateId(templateId).version("$Latest")));
    List<String> runningAfterUpdate =
        instances().stream().map(i -> i.launchTemplate().version()).toList();

    String id =
        start(
            r ->
                r.preferences(p -> p.minHealthyPercentage(100))
                    .desiredConfiguration((DesiredConfiguration) null));
    aws.time().advance(Duration.ofMinutes(20));

    assertThat(runningAfterUpdate).containsOnly("1");
    assertThat(group().launchTemplate().version()).isEqualTo("$Latest");
    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(instances()).extracting(i -> i.launchTemplate().version()).containsOnly("2");
  }

  @Test
  void startInstanceRefresh_mixedInstancesPolicy_newInstancesOfItsFirstTypeAndGroupTakesIt() {
    String id =
        start(
            r ->
                r.desiredConfiguration(
                    d ->
                        d.mixedInstancesPolicy(
                            m ->
                                m.launchTemplate(
                                    l ->
                                        l.launchTemplateSpecification(
                                                t -> t.launchTemplateId(templateId).version("2"))
                                            .overrides(
                                                o -> o.instanceType("m6i.large"),
                                                o -> o.instanceType("m5.large"))))));
    aws.time().advance(Duration.ofMinutes(30));

    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    assertThat(instances()).extracting(Instance::instanceType).containsOnly("m6i.large");
    assertThat(group().launchTemplate()).isNull();
    assertThat(group().mixedInstancesPolicy().launchTemplate().overrides()).hasSize(2);
  }

  @Test
  void startInstanceRefresh_badRequest_validationError() {
    assertAwsError(
        () -> start(r -> r.preferences(p -> p.minHealthyPercentage(101))),
        AutoScalingException.class,
        400,
        "ValidationError");
    assertAwsError(
        () ->
            start(
                r ->
                    r.desiredConfiguration(
                        d -> d.launchTemplate(t -> t.launchTemplateId(templateId).version("9")))),
        AutoScalingException.class,
        400,
        "ValidationError");
    assertAwsError(
        () -> autoScaling.startInstanceRefresh(r -> r.autoScalingGroupName("nobody")),
        AutoScalingException.class,
        400,
        "ValidationError");
    assertThat(refreshes()).isEmpty();
  }

  /** The answer got lost: the refresh runs, and starting it again answers that one is active. */
  @Test
  void startInstanceRefresh_lostAnswerThenAgain_oneRefreshFoundActive() {
    aws.faults().commitThenFail("StartInstanceRefresh", 500);
    assertAwsError(() -> start(r -> {}), AutoScalingException.class, 500, "InternalFailure");

    assertAwsError(
        () -> start(r -> {}),
        InstanceRefreshInProgressException.class,
        400,
        "InstanceRefreshInProgress");
    assertThat(refreshes())
        .singleElement()
        .extracting(InstanceRefresh::status)
        .isEqualTo(InstanceRefreshStatus.PENDING);
  }

  @Test
  void cancelInstanceRefresh_lostAnswerThenAgain_sameRefreshCancelled() {
    String id = start(r -> {});
    aws.faults().commitThenFail("CancelInstanceRefresh", 500);
    assertAwsError(
        () -> autoScaling.cancelInstanceRefresh(r -> r.autoScalingGroupName("workers")),
        AutoScalingException.class,
        500,
        "InternalFailure");

    assertThat(refresh(id).status()).isEqualTo(InstanceRefreshStatus.CANCELLED);
    assertAwsError(
        () -> autoScaling.cancelInstanceRefresh(r -> r.autoScalingGroupName("workers")),
        ActiveInstanceRefreshNotFoundException.class,
        400,
        "ActiveInstanceRefreshNotFound");
  }

  @Test
  void updateAutoScalingGroup_lostAnswerThenAgain_templateChangedOnce() {
    aws.faults().commitThenFail("UpdateAutoScalingGroup", 500);
    Consumer<
            software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest.Builder>
        toVersionTwo =
            r ->
                r.autoScalingGroupName("workers")
                    .launchTemplate(t -> t.launchTemplateId(templateId).version("2"));
    assertAwsError(
        () -> autoScaling.updateAutoScalingGroup(toVersionTwo),
        AutoScalingException.class,
        500,
        "InternalFailure");

    autoScaling.updateAutoScalingGroup(toVersionTwo);

    assertThat(group().launchTemplate().version()).isEqualTo("2");
    assertThat(instances()).hasSize(4);
  }

  private String start(Consumer<StartInstanceRefreshRequest.Builder> options) {
    return autoScaling
        .startInstanceRefresh(
            r -> {
              r.autoScalingGroupName("workers")
                  .desiredConfiguration(
                      d -> d.launchTemplate(t -> t.launchTemplateId(templateId).version("2")));
              options.accept(r);
            })
        .instanceRefreshId();
  }

  private InstanceRefresh refresh(String id) {
    return autoScaling
        .describeInstanceRefreshes(r -> r.autoScalingGroupName("workers").instanceRefreshIds(id))
        .instanceRefreshes()
        .get(0);
  }

  private List<InstanceRefresh> refreshes() {
    return autoScaling
        .describeInstanceRefreshes(r -> r.autoScalingGroupName("workers"))
        .instanceRefreshes();
  }

  private AutoScalingGroup group() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("workers"))
        .autoScalingGroups()
        .get(0);
  }

  private List<Instance> instances() {
    return group().instances();
  }

  private List<String> ec2VersionTags() {
    return aws
        .ec2()
        .describeInstances(r -> r.filters(f -> f.name("instance-state-name").values("running")))
        .reservations()
        .stream()
        .flatMap(reservation -> reservation.instances().stream())
        .flatMap(instance -> instance.tags().stream())
        .filter(tag -> tag.key().equals("aws:ec2launchtemplate:version"))
        .map(Tag::value)
        .toList();
  }
}
