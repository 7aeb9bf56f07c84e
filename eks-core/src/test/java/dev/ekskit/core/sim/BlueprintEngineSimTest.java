package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AppliedBlueprint;
import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.Operation;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.WaitTimeoutException;
import dev.ekskit.simulator.Call;
import dev.ekskit.testkit.RunAgain;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One blueprint apply is one operation: one deadline, one cancel, every step ending once. */
class BlueprintEngineSimTest extends SimulationTest {
  @Test
  void apply_cancelledOnceTheFirstAddonIsCreated_startsNothingMore() {
    CompletableFuture<Operation<AppliedBlueprint>> applying = new CompletableFuture<>();
    applying.complete(
        kit.blueprints()
            .apply(
                BlueprintSimTest.blueprint().build(),
                ApplyOptions.defaults(),
                event -> {
                  if (event instanceof ProgressEvent.StepSucceeded created
                      && created.resource().kind().equals("addon")
                      && created.step().equals("create")) {
                    applying.thenAccept(Operation::cancel);
                  }
                }));

    assertThatThrownBy(() -> applying.join().join())
        .isInstanceOf(OperationCancelledException.class);
    aws.time().advance(Duration.ofHours(1));

    assertThat(aws.calls().count("CreateAddon")).isBetween(1, 2);
    assertThat(aws.calls().count("CreateAccessEntry")).isZero();
    assertThat(aws.calls().count("CreatePodIdentityAssociation")).isZero();
  }

  @Test
  void apply_pastItsDeadline_endsThereWithNoCallAfter() {
    Instant started = aws.time().clock().instant();
    ApplyOptions fiveMinutes = ApplyOptions.builder().deadline(Duration.ofMinutes(5)).build();

    assertThatThrownBy(
            () -> kit.blueprints().apply(BlueprintSimTest.blueprint().build(), fiveMinutes).join())
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("the operation deadline of 5m 0s passed");
    Instant ended = aws.time().clock().instant();
    aws.time().advance(Duration.ofHours(1));

    assertThat(Duration.between(started, ended))
        .isLessThanOrEqualTo(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(aws.calls().all())
        .filteredOn(Call::mutating)
        .allMatch(call -> !call.at().isAfter(started.plus(Duration.ofMinutes(5))));
    assertThat(aws.calls().count("CreateAddon")).isZero();
  }

  @Test
  void apply_underThrottlingAndFaults_endsEveryStepExactlyOnce() {
    aws.faults()
        .throttle(0.3)
        .failNext("DescribeCluster", 503, 2)
        .commitThenFail("CreateCluster", 500)
        .commitThenFail("CreateAddon", 500);

    kit.blueprints().apply(BlueprintSimTest.blueprint().build()).join();
    aws.time().advance(Duration.ofHours(1));

    long started = eventsOf(ProgressEvent.StepStarted.class).size();
    long ended =
        eventsOf(ProgressEvent.StepSucceeded.class).size()
            + eventsOf(ProgressEvent.StepFailed.class).size();
    assertThat(ended).isEqualTo(started);
    assertThat(kit.blueprints().plan(BlueprintSimTest.blueprint().build()).hasChanges()).isFalse();
  }

  @Test
  void applyThenDelete_underThrottlingServerErrorsAndLostAnswers_duplicateNothingLeaveNothing() {
    aws.faults().throttle(0.3).serverErrors(0.1, 0.1);

    RunAgain.untilDone(
        3, () -> kit.blueprints().apply(BlueprintSimTest.blueprint().build()).join());
    aws.faults().clear(); // for the test's own look from outside
    assertThat(aws.calls().all())
        .filteredOn(call -> call.mutating() && call.statusCode() == 500)
        .as("changes whose answer was lost")
        .hasSizeGreaterThan(3);

    assertThat(aws.eks().listClusters().clusters()).containsExactly("orders");
    assertThat(aws.ec2().describeVpcs().vpcs()).hasSize(2); // the test's own and the blueprint's
    assertThat(aws.ec2().describeNatGateways().natGateways())
        .filteredOn(nat -> nat.stateAsString().equals("available"))
        .hasSize(1);
    assertThat(aws.iam().listRoles().roles())
        .extracting(role -> role.roleName())
        .containsExactlyInAnyOrder(
            "orders-cluster", "orders-nodes", "orders-ebs-csi", "orders-api");
    assertThat(aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
    assertThat(aws.eks().listAddons(r -> r.clusterName("orders")).addons())
        .containsExactlyInAnyOrder("vpc-cni", "kube-proxy", "coredns", "eks-pod-identity-agent");
    assertThat(aws.eks().listPodIdentityAssociations(r -> r.clusterName("orders")).associations())
        .hasSize(1);

    aws.faults().throttle(0.3).serverErrors(0.1, 0.1);
    RunAgain.untilDone(
        3, () -> kit.blueprints().delete(BlueprintSimTest.blueprint().build()).join());
    aws.faults().clear();

    assertThat(aws.eks().listClusters().clusters()).isEmpty();
    assertThat(aws.ec2().describeVpcs().vpcs()).hasSize(1);
    assertThat(aws.iam().listRoles().roles()).isEmpty();
    assertThat(aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
  }
}
