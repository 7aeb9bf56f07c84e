package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.Taint;
import software.amazon.awssdk.services.eks.model.TaintEffect;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eks.model.UpdateParam;
import software.amazon.awssdk.services.eks.model.UpdateParamType;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** UpdateNodegroupConfig with labels, taints and update config, alone or with scaling. */
class NodegroupConfigUpdateTest extends SimulatedAwsFixture {
  private static final Taint GPU =
      Taint.builder().key("gpu").value("true").effect(TaintEffect.NO_SCHEDULE).build();
  private static final Taint SPOT =
      Taint.builder().key("spot").effect(TaintEffect.PREFER_NO_SCHEDULE).build();

  @BeforeEach
  void activeNodegroup() {
    aws.durations().clusterConfigUpdate(Duration.ofMinutes(3));
    activeCluster("orders");
    eks.createNodegroup(
        r ->
            r.clusterName("orders")
                .nodegroupName("general")
                .nodeRole("arn:aws:iam::123456789012:role/node")
                .subnets(subnets)
                .scalingConfig(s -> s.minSize(1).desiredSize(2).maxSize(3))
                .labels(Map.of("team", "shop", "tier", "web"))
                .taints(SPOT));
    aws.time().advance(Duration.ofMinutes(10));
  }

  @Test
  void updateNodegroupConfig_labelsAndTaints_inProgressThenSuccessfulAndDescribed() {
    Update started =
        update(
            r ->
                r.labels(
                        l ->
                            l.addOrUpdateLabels(Map.of("tier", "api", "zone", "a"))
                                .removeLabels("team"))
                    .taints(t -> t.addOrUpdateTaints(GPU).removeTaints(SPOT)));

    NodegroupStatus during = nodegroup().status();
    Map<String, String> labelsDuring = nodegroup().labels();
    aws.time().advance(Duration.ofMinutes(3));

    assertThat(started.status()).isEqualTo(UpdateStatus.IN_PROGRESS);
    assertThat(during).isEqualTo(NodegroupStatus.UPDATING);
    assertThat(labelsDuring).containsEntry("team", "shop");
    assertThat(describeUpdate(started).status()).isEqualTo(UpdateStatus.SUCCESSFUL);
    assertThat(nodegroup().status()).isEqualTo(NodegroupStatus.ACTIVE);
    assertThat(nodegroup().labels()).isEqualTo(Map.of("tier", "api", "zone", "a"));
    assertThat(nodegroup().taints()).containsExactly(GPU);
    assertThat(started.params())
        .extracting(UpdateParam::type)
        .containsExactly(
            UpdateParamType.LABELS_TO_ADD,
            UpdateParamType.LABELS_TO_REMOVE,
            UpdateParamType.TAINTS_TO_ADD,
            UpdateParamType.TAINTS_TO_REMOVE);
    assertThat(started.params().get(0).value()).isEqualTo("{\"tier\":\"api\",\"zone\":\"a\"}");
    assertThat(started.params().get(3).value())
        .isEqualTo("[{\"effect\":\"PREFER_NO_SCHEDULE\",\"key\":\"spot\"}]");
  }

  @Test
  void updateNodegroupConfig_updateConfigWithScaling_oneUpdateAppliesBoth() {
    Update started =
        update(
            r ->
                r.updateConfig(u -> u.maxUnavailablePercentage(50))
                    .scalingConfig(s -> s.desiredSize(3)));
    aws.time().advance(Duration.ofMinutes(3));

    assertThat(started.params())
        .extracting(UpdateParam::type)
        .containsExactly(
            UpdateParamType.MAX_UNAVAILABLE_PERCENTAGE,
            UpdateParamType.MIN_SIZE,
            UpdateParamType.MAX_SIZE,
            UpdateParamType.DESIRED_SIZE);
    assertThat(nodegroup().updateConfig().maxUnavailablePercentage()).isEqualTo(50);
    assertThat(nodegroup().updateConfig().maxUnavailable()).isNull();
    assertThat(nodegroup().scalingConfig().desiredSize()).isEqualTo(3);
  }

  @Test
  void describeNodegroup_noUpdateConfigAsked_oneNodeAtATimeAsEksDefaults() {
    assertThat(nodegroup().updateConfig().maxUnavailable()).isEqualTo(1);
  }

  @Test
  void updateNodegroupConfig_markedToFail_failedAndNothingChanges() {
    aws.faults().failUpdate("orders");

    Update started = update(r -> r.labels(l -> l.addOrUpdateLabels(Map.of("tier", "api"))));
    aws.time().advance(Duration.ofMinutes(3));

    assertThat(describeUpdate(started).status()).isEqualTo(UpdateStatus.FAILED);
    assertThat(nodegroup().labels()).containsEntry("tier", "web");
  }

  @Test
  void updateNodegroupConfig_labelAddedAndRemoved_invalidParameterAndNoUpdate() {
    assertInvalid(
        r -> r.labels(l -> l.addOrUpdateLabels(Map.of("tier", "api")).removeLabels("tier")));

    assertThat(eks.listUpdates(r -> r.name("orders").nodegroupName("general")).updateIds())
        .isEmpty();
  }

  @Test
  void updateNodegroupConfig_badTaintsOrUpdateConfig_invalidParameter() {
    assertInvalid(r -> r.taints(t -> t.addOrUpdateTaints(GPU).removeTaints(GPU)));
    assertInvalid(r -> r.taints(t -> t.addOrUpdateTaints(x -> x.key("gpu").effect("NoSchedule"))));
    assertInvalid(
        r ->
            r.taints(
                t ->
                    t.addOrUpdateTaints(
                        IntStream.range(0, 50)
                            .mapToObj(
                                i ->
                                    Taint.builder()
                                        .key("k" + i)
                                        .effect(TaintEffect.NO_EXECUTE)
                                        .build())
                            .toList())));
    assertInvalid(r -> r.updateConfig(u -> u.maxUnavailable(2).maxUnavailablePercentage(20)));
    assertInvalid(r -> r.updateConfig(u -> u.maxUnavailable(101)));
    assertInvalid(r -> r.scalingConfig(s -> {}));
    assertInvalid(r -> {});
  }

  @Test
  void updateNodegroupConfig_whileUpdating_resourceInUse() {
    update(r -> r.labels(l -> l.addOrUpdateLabels(Map.of("tier", "api"))));

    assertAwsError(
        () -> update(r -> r.taints(t -> t.addOrUpdateTaints(GPU))),
        ResourceInUseException.class,
        409,
        "ResourceInUseException");
  }

  /** The answer got lost, the same call again (same token) finds the update it started. */
  @Test
  void updateNodegroupConfig_lostAnswerThenSameToken_oneUpdate() {
    aws.faults().commitThenFail("UpdateNodegroupConfig", 500);
    assertAwsError(
        () ->
            update(
                r ->
                    r.labels(l -> l.addOrUpdateLabels(Map.of("tier", "api")))
                        .clientRequestToken("t1")),
        EksException.class,
        500,
        "InternalFailure");

    Update again =
        update(
            r ->
                r.labels(l -> l.addOrUpdateLabels(Map.of("tier", "api"))).clientRequestToken("t1"));

    assertThat(eks.listUpdates(r -> r.name("orders").nodegroupName("general")).updateIds())
        .containsExactly(again.id());
  }

  private Update update(Consumer<UpdateNodegroupConfigRequest.Builder> change) {
    return eks.updateNodegroupConfig(
            r -> {
              r.clusterName("orders").nodegroupName("general");
              change.accept(r);
            })
        .update();
  }

  private void assertInvalid(Consumer<UpdateNodegroupConfigRequest.Builder> change) {
    assertAwsError(
        () -> update(change), InvalidParameterException.class, 400, "InvalidParameterException");
  }

  private Update describeUpdate(Update update) {
    return eks.describeUpdate(r -> r.name("orders").nodegroupName("general").updateId(update.id()))
        .update();
  }

  private Nodegroup nodegroup() {
    return eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("general")).nodegroup();
  }
}
