package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;

/** Stopping or losing the answer right after AWS acted: afterCommit and commitThenFail. */
class AfterCommitTest extends SimulatedAwsFixture {
  private final IamClient iam = aws.iam();

  @Test
  void afterCommit_createCluster_hookSeesCommittedClusterBeforeCallerGetsAnswer() {
    List<String> seen = new ArrayList<>();
    aws.faults().afterCommit("CreateCluster", () -> seen.add(describe("orders").statusAsString()));

    String answered = eks.createCluster(clusterRequest("orders")).cluster().statusAsString();

    assertThat(seen).containsExactly("CREATING");
    assertThat(answered).isEqualTo("CREATING");
    assertThat(aws.calls().all())
        .extracting(Call::operation)
        .containsExactly("CreateCluster", "DescribeCluster");
    assertThat(aws.calls().all()).allMatch(Call::succeeded);
  }

  @Test
  void afterCommit_thirdOccurrence_runsOnceAfterThirdCall() {
    List<List<String>> rolesSeen = new ArrayList<>();
    aws.faults().afterCommit("CreateRole", 3, () -> rolesSeen.add(roleNames()));

    createRole("a");
    createRole("b");
    assertThat(rolesSeen).isEmpty();
    createRole("c");
    createRole("d");

    assertThat(rolesSeen).containsExactly(List.of("a", "b", "c"));
  }

  @Test
  void afterCommit_failedThrottledAndConflictingCalls_doNotCount() {
    AtomicInteger fired = new AtomicInteger();
    aws.faults().afterCommit("CreateRole", 2, fired::incrementAndGet);
    createRole("a");

    aws.faults().failNext("CreateRole", 500);
    assertAwsError(() -> createRole("b"), ServiceFailureException.class, 500, "ServiceFailure");
    aws.faults().throttle("CreateRole", 1.0);
    assertAwsError(() -> createRole("b"), IamException.class, 400, "Throttling");
    aws.faults().throttle("CreateRole", 0.0);
    assertAwsError(
        () -> createRole("a"), EntityAlreadyExistsException.class, 409, "EntityAlreadyExists");
    assertThat(fired).hasValue(0);

    createRole("b");
    assertThat(fired).hasValue(1);
  }

  @Test
  void afterCommit_hookThrowsAwsError_callerGetsErrorAndStateChangeStays() {
    aws.faults()
        .afterCommit(
            "CreateRole",
            () -> {
              throw aws.faults().error("CreateRole", 500);
            });

    assertAwsError(() -> createRole("lost"), ServiceFailureException.class, 500, "ServiceFailure");

    assertThat(iam.getRole(r -> r.roleName("lost")).role().roleName()).isEqualTo("lost");
    assertThat(aws.calls().all())
        .extracting(Call::operation, Call::statusCode, Call::errorCode)
        .containsExactly(tuple("CreateRole", 500, "ServiceFailure"), tuple("GetRole", 200, null));
    assertAwsError(
        () -> createRole("lost"), EntityAlreadyExistsException.class, 409, "EntityAlreadyExists");
  }

  @Test
  void afterCommit_hookAndCommitThenFailOnSameCall_bothRunAndCallerGetsError() {
    AtomicInteger cancelled = new AtomicInteger();
    aws.faults()
        .commitThenFail("CreateCluster", 500)
        .afterCommit("CreateCluster", cancelled::incrementAndGet);

    assertAwsError(
        () -> eks.createCluster(clusterRequest("orders")),
        EksException.class,
        500,
        "InternalFailure");

    assertThat(cancelled).hasValue(1);
    assertThat(eks.listClusters(r -> {}).clusters()).containsExactly("orders");
  }

  @Test
  void afterCommit_occurrenceBelowOne_rejected() {
    assertThatThrownBy(() -> aws.faults().afterCommit("CreateRole", 0, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clear_pendingHooksAndCommitThenFail_removesThem() {
    AtomicInteger fired = new AtomicInteger();
    aws.faults()
        .afterCommit("CreateRole", fired::incrementAndGet)
        .commitThenFail("CreateRole", 500)
        .clear();

    createRole("a");

    assertThat(fired).hasValue(0);
    assertThat(aws.calls().all()).allMatch(Call::succeeded);
  }

  @Test
  void commitThenFail_secondOccurrence_losesOnlySecondAnswer() {
    aws.faults().commitThenFail("CreateInstanceProfile", 2, 500);

    createProfile("first");
    assertAwsError(
        () -> createProfile("second"), ServiceFailureException.class, 500, "ServiceFailure");
    createProfile("third");

    assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("second")).instanceProfile())
        .isNotNull();
    assertThat(aws.calls().all()).filteredOn(c -> !c.succeeded()).hasSize(1);
  }

  @Test
  void error_byOperationOrService_isThatServicesErrorForTheStatus() {
    var conflict = aws.faults().error("CreateCluster", 409);
    var autoScaling = aws.faults().error("CreateAutoScalingGroup", 500);
    var ec2 = aws.faults().error("Ec2", 503);

    assertThat(conflict).isInstanceOf(ResourceInUseException.class);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(autoScaling).isInstanceOf(AutoScalingException.class);
    assertThat(autoScaling.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
    assertThat(ec2.awsErrorDetails().errorCode()).isEqualTo("Unavailable");
    assertThat(ec2.awsErrorDetails().serviceName()).isEqualTo("Ec2");
  }

  @Test
  void error_operationOfSeveralServicesOrUnknown_rejected() {
    assertThatThrownBy(() -> aws.faults().error("DeleteTags", 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name the service");
    assertThatThrownBy(() -> aws.faults().error("LaunchRocket", 500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aws.faults().error("Iam", 200))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void createRole(String name) {
    iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{}"));
  }

  private void createProfile(String name) {
    iam.createInstanceProfile(r -> r.instanceProfileName(name));
  }

  private List<String> roleNames() {
    return iam.listRoles(r -> {}).roles().stream().map(Role::roleName).toList();
  }
}
