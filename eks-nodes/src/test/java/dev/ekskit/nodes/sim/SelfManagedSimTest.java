package dev.ekskit.nodes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.nodes.Accelerator;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.CpuArch;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.nodes.WindowsEdition;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/**
 * Self-managed node groups on the simulated AWS: what moto cannot show (instances taking minutes to
 * start, launch failures, IAM's delay, throttling, commit-then-fail, access entry rules).
 */
class SelfManagedSimTest {
  private static final String CLUSTER = "orders";
  private SimulatedAws aws;
  private EksKit kit;
  private Nodegroups nodegroups;
  private List<String> subnets;
  private String nodeRole;
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    aws = SimulatedAws.create();
    subnets = aws.createVpcWithSubnets(2);
    nodeRole = aws.createRole("eks-node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy");
    aws.createRole("eks-cluster", "eks.amazonaws.com", "AmazonEKSClusterPolicy");
    kit = SimulatedKit.builder(aws).addListener(events::add).build();
    SimulatedKit.activeCluster(kit, CLUSTER, subnets);
    nodegroups = Nodegroups.of(kit);
    aws.calls().clear();
    events.clear();
  }

  @AfterEach
  void stop() {
    kit.close();
    aws.close();
  }

  private SelfManagedNodegroupSpec.Builder spec(String name) {
    return SelfManagedNodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m5.large")
        .minSize(1)
        .desiredSize(3)
        .maxSize(5);
  }

  @Test
  void create_al2023_partsInOrderThenDesiredInService() {
    SelfManagedNodegroupInfo info = nodegroups.selfManaged().create(spec("batch").build()).join();

    assertThat(info.inServiceInstanceIds()).hasSize(3);
    assertThat(mutatingCalls())
        .containsSubsequence(
            "CreateInstanceProfile",
            "AddRoleToInstanceProfile",
            "CreateLaunchTemplate",
            "CreateAccessEntry",
            "CreateAutoScalingGroup");
    var entry =
        aws.eks()
            .describeAccessEntry(r -> r.clusterName(CLUSTER).principalArn(nodeRole))
            .accessEntry();
    assertThat(entry.type()).isEqualTo("EC2_LINUX");
    ResponseLaunchTemplateData data = templateData(info.launchTemplateId());
    assertThat(data.metadataOptions().httpTokensAsString()).isEqualTo("required");
    String cluster = aws.eks().describeCluster(r -> r.name(CLUSTER)).cluster().endpoint();
    assertThat(userData(data)).contains("apiServerEndpoint: " + cluster, "kind: NodeConfig");
    assertThat(events).anySatisfy(e -> assertThat(e.toString()).contains("wait in service"));
  }

  @Test
  void create_withoutSubnetsOrNodeRole_refusedBeforeAnyCall() {
    var part =
        SelfManagedNodegroupSpec.builder()
            .clusterName(CLUSTER)
            .name("part")
            .addInstanceTypes("m5.large")
            .build();

    assertThatThrownBy(() -> nodegroups.selfManaged().create(part))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + ":" + v.rule())
                    .containsExactlyInAnyOrder("subnetIds:required", "nodeRoleArn:required"));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void create_windowsWithPrerequisites_windowsEntryAndPowerShell() {
    aws.iam()
        .attachRolePolicy(
            r ->
                r.roleName("eks-cluster")
                    .policyArn("arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"));
    nodegroups.selfManaged().create(spec("linux").build()).join();
    String windowsRole = aws.createRole("eks-windows-node", "ec2.amazonaws.com");

    SelfManagedNodegroupInfo info =
        nodegroups
            .selfManaged()
            .create(
                spec("win")
                    .nodeRoleArn(windowsRole)
                    .ami(AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.FULL))
                    .vpcCniWindowsIpamEnabled(true)
                    .build())
            .join();

    assertThat(
            aws.eks()
                .describeAccessEntry(r -> r.clusterName(CLUSTER).principalArn(windowsRole))
                .accessEntry()
                .type())
        .isEqualTo("EC2_WINDOWS");
    ResponseLaunchTemplateData data = templateData(info.launchTemplateId());
    assertThat(userData(data)).startsWith("<powershell>").contains("Start-EKSBootstrap.ps1");
    assertThat(data.blockDeviceMappings())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.deviceName()).isEqualTo("/dev/sda1");
              assertThat(v.ebs().volumeSize()).isEqualTo(50);
            });
  }

  @Test
  void create_spotOverSeveralTypes_mixedInstancesPolicyPriceCapacityOptimized() {
    SelfManagedNodegroupSpec spec =
        spec("spot")
            .instanceTypes(List.of("m6i.large", "m7i.large", "m5.large"))
            .capacityType(CapacityTypes.SPOT)
            .build();

    SelfManagedNodegroupInfo info = nodegroups.selfManaged().create(spec).join();

    var group =
        aws.autoScaling()
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames("orders-spot"))
            .autoScalingGroups()
            .get(0);
    assertThat(group.launchTemplate()).isNull();
    var policy = group.mixedInstancesPolicy();
    assertThat(policy.launchTemplate().launchTemplateSpecification().launchTemplateId())
        .isEqualTo(info.launchTemplateId());
    assertThat(policy.launchTemplate().overrides())
        .extracting(o -> o.instanceType())
        .containsExactly("m6i.large", "m7i.large", "m5.large");
    assertThat(policy.instancesDistribution().onDemandPercentageAboveBaseCapacity()).isZero();
    assertThat(policy.instancesDistribution().spotAllocationStrategy())
        .isEqualTo("price-capacity-optimized");
    assertThat(info.inServiceInstanceIds()).hasSize(3);
    assertThat(nodegroups.selfManaged().create(spec).join().launchTemplateId())
        .isEqualTo(info.launchTemplateId());
    assertThatThrownBy(
            () ->
                nodegroups
                    .selfManaged()
                    .create(spec.toBuilder().capacityType(CapacityTypes.ON_DEMAND).build())
                    .join())
        .isInstanceOf(PartialCreationException.class)
        .cause()
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("capacityType: wanted ON_DEMAND, found SPOT");
  }

  @Test
  void create_spotTypeWrongArchitecture_refusedBeforeAnyChange() {
    var spec =
        spec("mixed-arch")
            .instanceTypes(List.of("m6i.large", "m7g.large"))
            .capacityType(CapacityTypes.SPOT)
            .build();

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations()).extracting(v -> v.field()).contains("instanceTypes[1]"));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void create_bottlerocket_encryptsOsAndDataVolumesAndWritesToml() {
    SelfManagedNodegroupInfo info =
        nodegroups
            .selfManaged()
            .create(
                spec("rocket")
                    .instanceTypes(List.of("m7g.large"))
                    .ami(AmiChoice.bottlerocket(CpuArch.ARM64, Accelerator.NONE, false))
                    .volumeGib(80)
                    .putLabels("workload", "batch")
                    .build())
            .join();

    ResponseLaunchTemplateData data = templateData(info.launchTemplateId());
    assertThat(data.blockDeviceMappings())
        .extracting(v -> v.deviceName(), v -> v.ebs().volumeSize(), v -> v.ebs().encrypted())
        .containsExactly(tuple("/dev/xvda", null, true), tuple("/dev/xvdb", 80, true));
    assertThat(userData(data))
        .contains("[settings.kubernetes]", "cluster-name = \"orders\"", "\"workload\" = \"batch\"");
  }

  @Test
  void create_instanceProfileSlowToPropagate_launchFailuresWaitedOut() {
    aws.durations().instanceProfilePropagation(Duration.ofSeconds(90));

    SelfManagedNodegroupInfo info = nodegroups.selfManaged().create(spec("fresh").build()).join();

    assertThat(info.inServiceInstanceIds()).hasSize(3);
    assertThat(
            aws.autoScaling()
                .describeScalingActivities(r -> r.autoScalingGroupName("orders-fresh"))
                .activities())
        .filteredOn(a -> "Failed".equals(a.statusCodeAsString()))
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(a -> assertThat(a.statusMessage()).contains("Invalid IAM Instance Profile"));
  }

  @Test
  void create_instanceProfileNeverUsable_failsAfterGrace() {
    aws.durations().instanceProfilePropagation(Duration.ofHours(1));

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec("stuck").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e ->
                assertThat(e.issues())
                    .extracting(i -> i.code())
                    .containsOnly("IamInstanceProfileNotFound"));
  }

  @Test
  void create_launchesKeepFailing_failsWithReasonHintAndCleanup() {
    aws.faults()
        .failInstanceLaunches(
            "orders-starved",
            "We currently do not have sufficient m5.large capacity in the Availability Zone you"
                + " requested (us-east-1a).");

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec("starved").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.issues())
                  .extracting(i -> i.code())
                  .containsOnly("InsufficientInstanceCapacity");
              assertThat(e.hint()).contains("other zones");
              assertThat(e.getMessage())
                  .contains("nodegroups.selfManaged().delete(\"orders\", \"starved\")");
            });
  }

  @Test
  void create_throttled_finishesWithOneOfEachPart() {
    aws.faults().throttle(0.3);

    nodegroups.selfManaged().create(spec("busy").build()).join();
    aws.faults().clear();

    assertThat(aws.calls().all())
        .filteredOn(c -> c.operation().equals("CreateAutoScalingGroup") && c.succeeded())
        .hasSize(1);
    assertThat(
            aws.ec2()
                .describeLaunchTemplates(
                    r -> r.filters(f -> f.name("launch-template-name").values("orders-busy")))
                .launchTemplates())
        .hasSize(1);
  }

  @Test
  void create_groupCommittedThenError_adoptsOnRetry() {
    aws.faults().commitThenFail("CreateAutoScalingGroup", 500);

    SelfManagedNodegroupInfo info = nodegroups.selfManaged().create(spec("twice").build()).join();

    assertThat(info.inServiceInstanceIds()).hasSize(3);
    assertThat(aws.autoScaling().describeAutoScalingGroups().autoScalingGroups()).hasSize(1);
  }

  @Test
  void create_groupCallKeepsFailing_partialCreationThenRerunFinishesWithoutDuplicates() {
    aws.faults().failNext("CreateAutoScalingGroup", 500, 20);

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec("retry").build()).join())
        .isInstanceOfSatisfying(
            PartialCreationException.class,
            e ->
                assertThat(e.existing())
                    .extracting(ref -> ref.kind())
                    .containsExactly("instance-profile", "launch-template", "access-entry"));
    aws.faults().clear();

    SelfManagedNodegroupInfo info = nodegroups.selfManaged().create(spec("retry").build()).join();

    assertThat(info.inServiceInstanceIds()).hasSize(3);
    assertThat(aws.calls().all())
        .filteredOn(Call::succeeded)
        .extracting(Call::operation)
        .containsOnlyOnce(
            "CreateInstanceProfile",
            "CreateLaunchTemplate",
            "CreateAccessEntry",
            "CreateAutoScalingGroup");
  }

  @Test
  void create_roleHasWindowsEntry_partialCreationWithConflict() {
    aws.eks()
        .createAccessEntry(r -> r.clusterName(CLUSTER).principalArn(nodeRole).type("EC2_WINDOWS"));

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec("clash").build()).join())
        .isInstanceOfSatisfying(
            PartialCreationException.class,
            e -> {
              assertThat(e.getCause()).isInstanceOf(ConflictException.class);
              assertThat(e.existing())
                  .extracting(ref -> ref.kind())
                  .containsExactly("instance-profile", "launch-template");
            });
    assertThat(aws.calls().count("CreateAutoScalingGroup")).isZero();
  }

  @Test
  void create_accountChecksFail_noMutatingCall() {
    var spec =
        spec("nowhere")
            .nodeRoleArn("arn:aws:iam::123456789012:role/missing")
            .subnetIds(List.of("subnet-0000000000000000a"))
            .build();

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).contains("nodeRoleArn"));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void deleteScaleDescribe_badNames_refusedWithoutCalls() {
    assertThatThrownBy(() -> nodegroups.selfManaged().delete("", "-x"))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("clusterName", "name"));
    assertThatThrownBy(
            () ->
                nodegroups
                    .selfManaged()
                    .scale(CLUSTER, "ok", s -> s.minSize(2).desiredSize(1).maxSize(0)))
        .isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> nodegroups.selfManaged().describe(CLUSTER, "bad name"))
        .isInstanceOf(InvalidSpecException.class);
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void delete_created_removesInOrderAndWaitsForInstances() {
    nodegroups.selfManaged().create(spec("gone").build()).join();
    aws.calls().clear();

    assertThat(nodegroups.selfManaged().delete(CLUSTER, "gone").join().deleted()).isTrue();

    assertThat(mutatingCalls())
        .containsExactly(
            "DeleteAutoScalingGroup",
            "DeleteAccessEntry",
            "RemoveRoleFromInstanceProfile",
            "DeleteInstanceProfile",
            "DeleteLaunchTemplate");
    assertThat(nodegroups.selfManaged().describe(CLUSTER, "gone")).isEmpty();
  }

  @Test
  void clusterDelete_withSelfManagedGroup_removesItBeforeTheCluster() {
    nodegroups.selfManaged().create(spec("workers").build()).join();

    var deletion = kit.clusters().delete(CLUSTER).join();

    assertThat(deletion.otherParts()).containsEntry("self-managed node groups", List.of("workers"));
    List<String> order = mutatingCalls();
    assertThat(order.indexOf("DeleteCluster")).isGreaterThan(order.indexOf("DeleteLaunchTemplate"));
  }

  @Test
  void clusterDelete_mayNotListAutoScalingGroups_refusedWhileSelfManagedNodesRun() {
    nodegroups.selfManaged().create(spec("stranded").build()).join();
    aws.calls().clear();
    aws.faults().failNext("DescribeAutoScalingGroups", 403);

    assertThatThrownBy(() -> kit.clusters().delete(CLUSTER).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.rule()).isEqualTo("self-managed-nodes");
                          assertThat(v.message()).contains("3 instances", "[stranded]");
                        }));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void clusterDelete_mayNotListGroupsNorDescribeInstances_goesOnAndSaysSo() {
    aws.faults().failNext("DescribeAutoScalingGroups", 403);
    aws.faults().failNext("DescribeInstances", 403);

    assertThat(kit.clusters().delete(CLUSTER).join().clusterDeleted()).isTrue();
    assertThat(events).anySatisfy(e -> assertThat(e.toString()).contains("ACCESS_DENIED"));
  }

  @Test
  void scale_in_waitsUntilExtraInstancesAreGone() {
    nodegroups.selfManaged().create(spec("elastic").build()).join();

    SelfManagedNodegroupInfo info =
        nodegroups
            .selfManaged()
            .scale(CLUSTER, "elastic", s -> s.minSize(0).desiredSize(1).maxSize(5))
            .join();

    assertThat(info.inServiceInstanceIds()).hasSize(1);
    assertThat(
            aws.autoScaling()
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("orders-elastic"))
                .autoScalingGroups()
                .get(0)
                .instances())
        .hasSize(1);
  }

  private List<String> mutatingCalls() {
    return aws.calls().all().stream()
        .filter(Call::mutating)
        .filter(Call::succeeded)
        .map(Call::operation)
        .toList();
  }

  private ResponseLaunchTemplateData templateData(String id) {
    return aws.ec2()
        .describeLaunchTemplateVersions(r -> r.launchTemplateId(id).versions("$Default"))
        .launchTemplateVersions()
        .get(0)
        .launchTemplateData();
  }

  private static String userData(ResponseLaunchTemplateData data) {
    return new String(Base64.getDecoder().decode(data.userData()), StandardCharsets.UTF_8);
  }
}
