package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code createAll} of self-managed node groups: the cap, cancellation, its rules, and resuming
 * after a lost answer or a stop right after AWS acted.
 */
class SelfManagedCreateAllSimTest {
  private static final String CLUSTER = "orders";
  private SimulatedAws aws;
  private EksKit kit;
  private Nodegroups nodegroups;
  private List<String> subnets;
  private String nodeRole;

  @BeforeEach
  void start() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    nodeRole = aws.createRole("eks-node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy");
    aws.createRole("eks-cluster", "eks.amazonaws.com", "AmazonEKSClusterPolicy");
    kit = SimulatedKit.create(aws);
    SimulatedKit.activeCluster(kit, CLUSTER, subnets);
    nodegroups = Nodegroups.of(kit);
    aws.calls().clear();
  }

  @AfterEach
  void stop() {
    kit.close();
    aws.close();
  }

  private SelfManagedNodegroupSpec spec(String name) {
    return SelfManagedNodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .minSize(1)
        .desiredSize(2)
        .maxSize(3)
        .build();
  }

  @Test
  void createAll_fiveWithCapTwo_neverMoreThanTwoCreating() {
    var specs = IntStream.range(0, 5).mapToObj(i -> spec("group-" + i)).toList();

    List<SelfManagedNodegroupInfo> groups =
        nodegroups.selfManaged().createAll(specs, 2, null).join();

    assertThat(groups)
        .extracting(SelfManagedNodegroupInfo::name)
        .containsExactly("group-0", "group-1", "group-2", "group-3", "group-4");
    Map<Instant, Long> createsAt =
        aws.calls().all().stream()
            .filter(call -> call.operation().equals("CreateAutoScalingGroup"))
            .collect(Collectors.groupingBy(Call::at, Collectors.counting()));
    assertThat(createsAt.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(createsAt.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
  }

  @Test
  void createAll_noInstanceTypesGiven_eachRunsTheDefault() {
    nodegroups.selfManaged().createAll(List.of(spec("a"), spec("b"))).join();

    assertThat(
            aws.ec2()
                .describeLaunchTemplateVersions(
                    r -> r.launchTemplateName(CLUSTER + "-a").versions("$Default"))
                .launchTemplateVersions()
                .get(0)
                .launchTemplateData()
                .instanceTypeAsString())
        .isEqualTo("t3.medium");
  }

  @Test
  void createAll_cancelledOnceTheFirstIsInService_makesNoFurtherGroup() {
    CompletableFuture<Operation<List<SelfManagedNodegroupInfo>>> creating =
        new CompletableFuture<>();
    creating.complete(
        nodegroups
            .selfManaged()
            .createAll(
                List.of(spec("a"), spec("b"), spec("c")),
                1,
                event -> {
                  if (event instanceof ProgressEvent.StepSucceeded done
                      && done.step().startsWith("wait")
                      && done.resource().name().endsWith("a")) {
                    creating.thenAccept(Operation::cancel);
                  }
                }));

    assertThatThrownBy(() -> creating.join().join())
        .isInstanceOf(OperationCancelledException.class);
    aws.time().advance(Duration.ofHours(1));

    assertThat(aws.calls().count("CreateAutoScalingGroup")).isEqualTo(1);
    assertThat(nodegroups.selfManaged().describe(CLUSTER, "b")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.ekskit.nodes.sim.SelfManagedResumeSimTest#createCalls")
  void createAll_answerLostAfterEachCall_finishesWithOneOfEachPartPerGroup(String operation) {
    aws.faults().commitThenFail(operation, 500);

    nodegroups.selfManaged().createAll(List.of(spec("a"), spec("b"))).join();

    assertOneOfEachPartPerGroup();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.ekskit.nodes.sim.SelfManagedResumeSimTest#createCalls")
  void createAll_stoppedRightAfterEachCall_runAgainFinishesWithOneOfEachPartPerGroup(
      String operation) {
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(
            () -> nodegroups.selfManaged().createAll(List.of(spec("a"), spec("b"))).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = SimulatedKit.create(aws)) {
      Nodegroups.of(restarted).selfManaged().createAll(List.of(spec("a"), spec("b"))).join();
      Nodegroups.of(restarted).selfManaged().delete(CLUSTER, "a").join();
      Nodegroups.of(restarted).selfManaged().delete(CLUSTER, "b").join();
    }

    Leftovers left = Leftovers.of(aws, CLUSTER);
    assertThat(left.autoScalingGroups()).isEmpty();
    assertThat(left.launchTemplates()).isEmpty();
    assertThat(left.instanceProfiles()).isEmpty();
  }

  private void assertOneOfEachPartPerGroup() {
    Leftovers now = Leftovers.of(aws, CLUSTER);
    assertThat(now.instanceProfiles())
        .containsExactlyInAnyOrder("orders-a[+eks-node]", "orders-b[+eks-node]");
    assertThat(now.launchTemplates()).containsExactlyInAnyOrder("orders-a", "orders-b");
    assertThat(now.autoScalingGroups()).containsExactlyInAnyOrder("orders-a", "orders-b");
    assertThat(now.accessEntries()).filteredOn(nodeRole::equals).hasSize(1);
  }

  @Test
  void createAll_repeatedNullOrIncompleteSpecs_refusedAtOnceWithoutCalls() {
    SelfManagedNodegroupSpec part =
        SelfManagedNodegroupSpec.builder().clusterName(CLUSTER).name("part").build();

    assertThatThrownBy(
            () ->
                nodegroups
                    .selfManaged()
                    .createAll(Arrays.asList(spec("a"), spec("a"), null, part), 0, null))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + ":" + v.rule())
                    .containsExactlyInAnyOrder(
                        "parallelism:range",
                        "specs[1]:unique",
                        "specs[2]:required",
                        "specs[3].subnetIds:required",
                        "specs[3].nodeRoleArn:required"));
    assertThatThrownBy(() -> nodegroups.selfManaged().createAll(List.of()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("specs");
    assertThatThrownBy(() -> nodegroups.selfManaged().createAll(null))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("specs");
    assertThat(aws.calls().all()).isEmpty();
  }
}
