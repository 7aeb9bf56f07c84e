package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.Deleted;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiSource;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.NodegroupInfo;
import dev.ekskit.nodes.NodegroupSpec;
import dev.ekskit.simulator.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Issue;
import software.amazon.awssdk.services.eks.model.NodegroupIssueCode;

class ManagedNodegroupSimTest extends NodesSimulationTest {

  @Test
  void create_validSpec_waitsActiveAndMapsAmiType() {
    aws.durations().nodegroupCreate(Duration.ofMinutes(5));
    Instant start = aws.time().clock().instant();

    NodegroupInfo group =
        nodegroups
            .managed()
            .create(
                spec("arm")
                    .addInstanceTypes("m7g.large")
                    .ami(AmiChoice.bottlerocket(CpuArch.ARM64, Accelerator.NONE, false))
                    .minSize(1)
                    .desiredSize(3)
                    .maxSize(5)
                    .putTags("team", "payments")
                    .build())
            .join();

    assertThat(group.statusAsString()).isEqualTo("ACTIVE");
    assertThat(group.amiType()).isEqualTo("BOTTLEROCKET_ARM_64");
    assertThat(group.kubernetesVersion()).isEqualTo("1.33");
    assertThat(List.of(group.minSize(), group.desiredSize(), group.maxSize()))
        .containsExactly(1, 3, 5);
    assertThat(group.autoScalingGroups()).hasSize(1);
    assertThat(Duration.between(start, aws.time().clock().instant()))
        .isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));
    var tags =
        aws.eks()
            .describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("arm"))
            .nodegroup()
            .tags();
    assertThat(tags).containsEntry("team", "payments").containsKey("ekskit.dev/managed-by");
  }

  @Test
  void create_customAmiPinnedToAnotherImageThanTheTemplates_refusedBeforeCreate() {
    String templateId =
        aws.ec2()
            .createLaunchTemplate(
                r ->
                    r.launchTemplateName("custom")
                        .launchTemplateData(d -> d.imageId("ami-0aaaaaaaaaaaaaaaa")))
            .launchTemplate()
            .launchTemplateId();
    NodegroupSpec.Builder custom =
        spec("custom").customAmi(true).launchTemplateId(templateId).addInstanceTypes("m5.large");

    assertThatThrownBy(
            () ->
                nodegroups
                    .managed()
                    .create(custom.amiSource(AmiSource.imageId("ami-0bbbbbbbbbbbbbbbb")).build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + ":" + v.rule())
                    .containsExactly("amiSource.imageId:launch-template-image"));
    assertThat(aws.calls().count("CreateNodegroup")).isZero();

    NodegroupInfo group =
        nodegroups
            .managed()
            .create(custom.amiSource(AmiSource.imageId("ami-0aaaaaaaaaaaaaaaa")).build())
            .join();

    assertThat(group.amiType()).isEqualTo("CUSTOM");
  }

  @Test
  void create_createFailed_failsWithIssuesAndHint() {
    aws.faults()
        .failNodegroupCreate(
            CLUSTER,
            "broken",
            Issue.builder()
                .code(NodegroupIssueCode.NODE_CREATION_FAILURE)
                .message("Instances failed to join the kubernetes cluster")
                .resourceIds("i-0123456789abcdef0")
                .build());

    assertThatThrownBy(() -> nodegroups.managed().create(spec("broken").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("CREATE_FAILED");
              assertThat(e.issues())
                  .singleElement()
                  .satisfies(
                      issue -> {
                        assertThat(issue.code()).isEqualTo("NodeCreationFailure");
                        assertThat(issue.resourceIds()).containsExactly("i-0123456789abcdef0");
                      });
              assertThat(e.hint()).contains("AmazonEKSWorkerNodePolicy");
              assertThat(e.cleanup()).contains("delete(\"orders\", \"broken\")");
            });
  }

  @Test
  void create_degradedWithIssues_failsAtOnceWithHint() {
    aws.faults()
        .degradeNodegroup(
            CLUSTER,
            "quota",
            Issue.builder()
                .code(NodegroupIssueCode.INSTANCE_LIMIT_EXCEEDED)
                .message("You've reached your quota for maximum vCPUs")
                .build());

    assertThatThrownBy(() -> nodegroups.managed().create(spec("quota").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("DEGRADED");
              assertThat(e.hint()).contains("Service Quotas");
            });
  }

  @Test
  void create_sameSpecTwice_adoptsExisting() {
    var spec = spec("general").addInstanceTypes("m6i.large").build();
    NodegroupInfo first = nodegroups.managed().create(spec).join();

    NodegroupInfo second = nodegroups.managed().create(spec).join();

    assertThat(second.arn()).isEqualTo(first.arn());
    assertThat(aws.calls().count("CreateNodegroup")).isEqualTo(2);
  }

  @Test
  void create_existingWithOtherSpec_conflictListsDifferences() {
    nodegroups.managed().create(spec("general").addInstanceTypes("m6i.large").build()).join();

    assertThatThrownBy(
            () ->
                nodegroups
                    .managed()
                    .create(spec("general").addInstanceTypes("m7i.large").maxSize(4).build())
                    .join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(d -> d.field())
                    .containsExactlyInAnyOrder("instanceTypes", "maxSize"));
  }

  @Test
  void create_withoutSubnetsOrNodeRole_refusedBeforeAnyCall() {
    var part = NodegroupSpec.builder().clusterName(CLUSTER).name("part").build();

    assertThatThrownBy(() -> nodegroups.managed().create(part))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + ":" + v.rule())
                    .containsExactlyInAnyOrder("subnetIds:required", "nodeRoleArn:required"));
    assertThatThrownBy(() -> nodegroups.managed().createAll(List.of(spec("a").build(), part)))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder("specs[1].subnetIds", "specs[1].nodeRoleArn"));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void create_armInstanceOnX86Ami_refusedBeforeCreate() {
    assertThatThrownBy(
            () ->
                nodegroups.managed().create(spec("x").addInstanceTypes("m7g.large").build()).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.specType()).isEqualTo("NodegroupSpec");
              assertThat(e.violations())
                  .extracting(v -> v.field() + ":" + v.rule())
                  .containsExactly("instanceTypes[0]:arch-mismatch");
            });
    assertThat(aws.calls().count("CreateNodegroup")).isZero();
  }

  @Test
  void create_al2OnClusterVersion133_refusedBeforeCreate() {
    assertThatThrownBy(
            () ->
                nodegroups
                    .managed()
                    .create(
                        spec("old").ami(AmiChoice.al2(CpuArch.X86_64, Accelerator.NONE)).build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              // Named as the user wrote it: the node group spec's ami.family.
              assertThat(e.specType()).isEqualTo("NodegroupSpec");
              assertThat(e.violations())
                  .extracting(v -> v.field() + ":" + v.rule())
                  .containsExactly("ami.family:al2-end-of-life");
            });
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void createAll_fiveWithCapTwo_neverMoreThanTwoCreating() {
    aws.durations().nodegroupCreate(Duration.ofMinutes(4));
    var specs = IntStream.range(0, 5).mapToObj(i -> spec("group-" + i).build()).toList();

    List<NodegroupInfo> groups = nodegroups.managed().createAll(specs, 2, null).join();

    assertThat(groups)
        .extracting(NodegroupInfo::name)
        .containsExactly("group-0", "group-1", "group-2", "group-3", "group-4");
    Map<Instant, Long> createsAt =
        aws.calls().all().stream()
            .filter(call -> call.operation().equals("CreateNodegroup"))
            .collect(Collectors.groupingBy(Call::at, Collectors.counting()));
    assertThat(createsAt.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(createsAt.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
  }

  @Test
  void createAll_oneFails_othersFinishAndFirstFailureReported() {
    aws.faults()
        .failNodegroupCreate(
            CLUSTER,
            "b",
            Issue.builder()
                .code(NodegroupIssueCode.ASG_INSTANCE_LAUNCH_FAILURES)
                .message("x")
                .build());

    assertThatThrownBy(
            () ->
                nodegroups
                    .managed()
                    .createAll(List.of(spec("a").build(), spec("b").build(), spec("c").build()))
                    .join())
        .isInstanceOf(ResourceFailedException.class)
        .hasMessageContaining("nodegroup orders/b");
    assertThat(nodegroups.managed().describe(CLUSTER, "a"))
        .get()
        .extracting(NodegroupInfo::statusAsString)
        .isEqualTo("ACTIVE");
    assertThat(nodegroups.managed().describe(CLUSTER, "c"))
        .get()
        .extracting(NodegroupInfo::statusAsString)
        .isEqualTo("ACTIVE");
  }

  @Test
  void createAll_cancelledOnceTheFirstIsActive_makesNoFurtherCreateCall() {
    CompletableFuture<Operation<List<NodegroupInfo>>> creating = new CompletableFuture<>();
    creating.complete(
        nodegroups
            .managed()
            .createAll(
                List.of(spec("a").build(), spec("b").build(), spec("c").build(), spec("d").build()),
                1,
                event -> {
                  if (event instanceof ProgressEvent.StatusObserved seen
                      && seen.status().equals("ACTIVE")) {
                    creating.thenAccept(Operation::cancel);
                  }
                }));

    assertThatThrownBy(() -> creating.join().join())
        .isInstanceOf(OperationCancelledException.class);
    aws.time().advance(Duration.ofHours(1));

    assertThat(aws.calls().count("CreateNodegroup")).isEqualTo(1);
    assertThat(aws.eks().listNodegroups(r -> r.clusterName(CLUSTER)).nodegroups())
        .containsExactly("a");
  }

  @Test
  void createAll_repeatedName_refusedWithoutCalls() {
    assertThatThrownBy(
            () -> nodegroups.managed().createAll(List.of(spec("a").build(), spec("a").build())))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("specs[1]");
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void delete_existing_waitsGone() {
    nodegroups.managed().create(spec("general").build()).join();

    assertThat(nodegroups.managed().delete(CLUSTER, "general").join().deleted()).isTrue();

    assertThat(nodegroups.managed().describe(CLUSTER, "general")).isEmpty();
  }

  @Test
  void delete_missing_completesFalse() {
    Deleted none = nodegroups.managed().delete(CLUSTER, "none").join();

    assertThat(none.deleted()).isFalse();
    assertThat(none.resource()).isEqualTo(ResourceRef.child("nodegroup", CLUSTER, "none"));
  }

  @Test
  void create_customAmiInLaunchTemplate_sendsCustomAmiTypeAndTemplate() {
    NodegroupInfo group =
        nodegroups
            .managed()
            .create(
                spec("custom")
                    .ami(AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE))
                    .addInstanceTypes("m7g.large")
                    .launchTemplateId("lt-0123456789abcdef0")
                    .launchTemplateVersion("3")
                    .customAmi(true)
                    .build())
            .join();

    assertThat(group.amiType()).isEqualTo("CUSTOM");
    var template =
        aws.eks()
            .describeNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("custom"))
            .nodegroup()
            .launchTemplate();
    assertThat(template.id()).isEqualTo("lt-0123456789abcdef0");
    assertThat(template.version()).isEqualTo("3");
  }

  @Test
  void create_runTwiceAtOnce_bothWaitsShareTheirDescribes() {
    aws.durations().nodegroupCreate(Duration.ofMinutes(5));
    nodegroups.managed().create(spec("once").build()).join();
    int once = aws.calls().count("DescribeNodegroup");
    aws.calls().clear();

    List.of(
            nodegroups.managed().create(spec("twice").build()),
            nodegroups.managed().create(spec("twice").build()))
        .forEach(Operation::join);

    assertThat(aws.calls().count("DescribeNodegroup")).isLessThan(once * 3 / 2);
  }
}
