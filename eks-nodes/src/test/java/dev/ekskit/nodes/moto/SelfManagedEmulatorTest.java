package dev.ekskit.nodes.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiFamily;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.nodes.SelfManagedNodegroupInfo;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.nodes.WindowsEdition;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Self-managed node groups with the SDK's clients against moto: IAM instance profiles, EC2 launch
 * templates and AMIs, Auto Scaling groups and their instances are moto's. moto has no EKS access
 * entries, so {@link AccessEntriesBesideMoto} keeps those beside it.
 */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfManagedEmulatorTest {
  private static final String CLUSTER = "shop";

  /** A cluster without nodes. */
  private static final String BARE = "bare";

  /** A cluster to delete. */
  private static final String DOOMED = "doomed";

  private final MotoAccount account;
  private final Ec2Client ec2;
  private final IamClient iam;
  private final AutoScalingClient autoScaling;
  private final SsmClient ssm;
  private final EksClient motoEks;
  private final AccessEntriesBesideMoto eks;
  private final EksKit kit;
  private final Nodegroups nodegroups;
  private final List<String> subnets;
  private final String securityGroup;
  private final String nodeRole;

  SelfManagedEmulatorTest(MotoAccount account) {
    this.account = account;
    ec2 = account.client(Ec2Client.builder());
    iam = account.client(IamClient.builder());
    autoScaling = account.client(AutoScalingClient.builder());
    ssm = account.client(SsmClient.builder());
    motoEks = account.client(EksClient.builder());
    eks = new AccessEntriesBesideMoto(motoEks);
    subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
    String vpc = ec2.describeSubnets(r -> r.subnetIds(subnets)).subnets().get(0).vpcId();
    securityGroup =
        ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("nodes").description("nodes"))
            .groupId();
    nodeRole = role("shop-node", "ec2.amazonaws.com");
    String clusterRole = role("shop-cluster", "eks.amazonaws.com");
    try (EksKit creator = kit(motoEks)) {
      for (String cluster : List.of(CLUSTER, BARE, DOOMED)) {
        creator
            .clusters()
            .create(
                ClusterSpec.builder()
                    .name(cluster)
                    .kubernetesVersion("1.33")
                    // EKS reports its default range when none is asked for; moto reports none.
                    .serviceIpv4Cidr("172.20.0.0/16")
                    .roleArn(clusterRole)
                    .subnetIds(subnets)
                    .build())
            .join();
      }
    }
    kit = kit(eks);
    nodegroups = Nodegroups.of(kit);
  }

  @AfterAll
  void close() {
    kit.close();
  }

  @Test
  void create_al2023_templateProfileEntryAndGroupInService() {
    SelfManagedNodegroupInfo info = nodegroups.selfManaged().create(spec("batch").build()).join();

    assertThat(info.inServiceInstanceIds()).hasSize(2);
    AutoScalingGroup group = group("shop-batch");
    assertThat(group.vpcZoneIdentifier().split(",")).containsExactlyInAnyOrderElementsOf(subnets);
    assertThat(group.tags())
        .anySatisfy(
            t -> {
              assertThat(t.key()).isEqualTo("kubernetes.io/cluster/shop");
              assertThat(t.value()).isEqualTo("owned");
              assertThat(t.propagateAtLaunch()).isTrue();
            });
    ResponseLaunchTemplateData data = templateData(info.launchTemplateId());
    String al2023Ami =
        ssm.getParameter(
                r ->
                    r.name(
                        "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/"
                            + "recommended/image_id"))
            .parameter()
            .value();
    assertThat(data.imageId()).isEqualTo(al2023Ami);
    assertThat(data.instanceType()).hasToString("m5.large");
    assertThat(data.metadataOptions().httpTokens())
        .isEqualTo(LaunchTemplateHttpTokensState.REQUIRED);
    assertThat(data.blockDeviceMappings())
        .singleElement()
        .satisfies(
            volume -> {
              assertThat(volume.deviceName()).isEqualTo("/dev/xvda");
              assertThat(volume.ebs().encrypted()).isTrue();
              assertThat(volume.ebs().volumeTypeAsString()).isEqualTo("gp3");
            });
    assertThat(data.securityGroupIds()).containsExactly(securityGroup);
    String endpoint = motoEks.describeCluster(r -> r.name(CLUSTER)).cluster().endpoint();
    assertThat(new String(Base64.getDecoder().decode(data.userData()), StandardCharsets.UTF_8))
        .contains(
            "application/node.eks.aws", "apiServerEndpoint: " + endpoint, "cidr: 172.20.0.0/16");
    var profile =
        iam.getInstanceProfile(r -> r.instanceProfileName("shop-batch")).instanceProfile();
    assertThat(data.iamInstanceProfile().arn()).isEqualTo(profile.arn());
    assertThat(profile.roles()).extracting(r -> r.arn()).containsExactly(nodeRole);
    assertThat(eks.entries().values())
        .filteredOn(e -> e.principalArn().equals(nodeRole))
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo("EC2_LINUX"));
  }

  @Test
  void create_twice_adoptsEveryPart() {
    SelfManagedNodegroupSpec spec = spec("twice").build();
    SelfManagedNodegroupInfo first = nodegroups.selfManaged().create(spec).join();

    SelfManagedNodegroupInfo again = nodegroups.selfManaged().create(spec).join();

    assertThat(again.launchTemplateId()).isEqualTo(first.launchTemplateId());
    assertThat(again.autoScalingGroupName()).isEqualTo(first.autoScalingGroupName());
    assertThat(nodegroups.selfManaged().describe(CLUSTER, "twice")).contains(again);
  }

  @Test
  void create_spotOverTwoTypes_mixedInstancesPolicyInMoto() {
    SelfManagedNodegroupInfo info =
        nodegroups
            .selfManaged()
            .create(
                spec("spot")
                    .instanceTypes(List.of("m5.large", "m5.xlarge"))
                    .capacityType(CapacityTypes.SPOT)
                    .build())
            .join();

    var policy = group("shop-spot").mixedInstancesPolicy();
    assertThat(policy.launchTemplate().launchTemplateSpecification().launchTemplateId())
        .isEqualTo(info.launchTemplateId());
    assertThat(policy.launchTemplate().overrides())
        .extracting(o -> o.instanceType())
        .containsExactly("m5.large", "m5.xlarge");
    assertThat(info.inServiceInstanceIds()).hasSize(2);
  }

  @Test
  void scale_outAndIn_waitsForDesiredInService() {
    nodegroups.selfManaged().create(spec("elastic").build()).join();

    assertThat(
            nodegroups
                .selfManaged()
                .scale(CLUSTER, "elastic", s -> s.minSize(1).desiredSize(3).maxSize(3))
                .join()
                .inServiceInstanceIds())
        .hasSize(3);
    assertThat(
            nodegroups
                .selfManaged()
                .scale(CLUSTER, "elastic", s -> s.minSize(0).desiredSize(1).maxSize(3))
                .join()
                .inServiceInstanceIds())
        .hasSize(1);
  }

  @Test
  void delete_created_removesEveryPartThenFindsNothing() {
    String soloRole = role("shop-solo-node", "ec2.amazonaws.com");
    nodegroups.selfManaged().create(spec("short").nodeRoleArn(soloRole).build()).join();

    assertThat(nodegroups.selfManaged().delete(CLUSTER, "short").join().deleted()).isTrue();

    assertThat(nodegroups.selfManaged().describe(CLUSTER, "short")).isEmpty();
    assertThat(templates("shop-short")).isEmpty();
    assertThatThrownBy(() -> iam.getInstanceProfile(r -> r.instanceProfileName("shop-short")))
        .isInstanceOf(NoSuchEntityException.class);
    assertThat(eks.entries().values()).noneMatch(e -> e.principalArn().equals(soloRole));
    assertThat(nodegroups.selfManaged().delete(CLUSTER, "short").join().deleted()).isFalse();
  }

  @Test
  void delete_roleSharedWithAnotherGroup_keepsAccessEntryUntilTheLast() {
    String sharedRole = role("shop-shared-node", "ec2.amazonaws.com");
    nodegroups.selfManaged().create(spec("first").nodeRoleArn(sharedRole).build()).join();
    nodegroups.selfManaged().create(spec("second").nodeRoleArn(sharedRole).build()).join();

    nodegroups.selfManaged().delete(CLUSTER, "first").join();
    assertThat(eks.entries().values()).anyMatch(e -> e.principalArn().equals(sharedRole));

    nodegroups.selfManaged().delete(CLUSTER, "second").join();
    assertThat(eks.entries().values()).noneMatch(e -> e.principalArn().equals(sharedRole));
  }

  @Test
  void clusterDelete_nodegroupsOpen_deletesSelfManagedGroupsFirstAndLeavesNothingMadeForIt() {
    String doomedRole =
        kit.roles().createNodeRole(r -> r.name("doomed-nodes").clusterName(DOOMED)).join().arn();
    nodegroups
        .selfManaged()
        .create(spec("workers").clusterName(DOOMED).nodeRoleArn(doomedRole).build())
        .join();

    ClusterDeletion deletion = kit.clusters().delete(DOOMED).join();

    assertThat(deletion.otherParts()).containsEntry("self-managed node groups", List.of("workers"));
    assertThat(deletion.clusterDeleted()).isTrue();
    assertThat(nodegroups.selfManaged().describe(DOOMED, "workers")).isEmpty();
    // From outside, with moto's own clients: nothing made for the cluster is left.
    assertThat(templates("doomed-workers")).isEmpty();
    assertThat(autoScaling.describeAutoScalingGroups().autoScalingGroups())
        .noneMatch(group -> group.autoScalingGroupName().startsWith("doomed-"));
    assertThat(iam.listInstanceProfiles().instanceProfiles())
        .noneMatch(profile -> profile.instanceProfileName().startsWith("doomed-"));
    assertThat(iam.listRoles().roles()).noneMatch(role -> role.roleName().equals("doomed-nodes"));
  }

  @Test
  void clusterDelete_mayNotListAutoScalingGroups_refusedWhileInstancesRun() {
    nodegroups.selfManaged().create(spec("kept").clusterName(BARE).build()).join();
    AutoScalingClient denying =
        account.client(
            AutoScalingClient.builder()
                .overrideConfiguration(
                    c -> c.addExecutionInterceptor(new AccessDenied("DescribeAutoScalingGroups"))));

    try (EksKit deniedGroups =
        EmulatedKit.builder(eks, ec2)
            .iamClient(iam)
            .client(SsmClient.class, ssm)
            .client(AutoScalingClient.class, denying)
            .build()) {
      assertThatThrownBy(() -> deniedGroups.clusters().delete(BARE).join())
          .isInstanceOfSatisfying(
              InvalidSpecException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.rule())
                      .containsExactly("self-managed-nodes"));
    }
    assertThat(motoEks.describeCluster(r -> r.name(BARE)).cluster().status()).hasToString("ACTIVE");
    nodegroups.selfManaged().delete(BARE, "kept").join();
  }

  @Test
  void create_accessEntriesMissing_partialCreationNamesPartsAndDeleteCleansUp() {
    try (EksKit plain = kit(motoEks)) {
      Nodegroups withoutEntries = Nodegroups.of(plain);
      assertThatThrownBy(() -> withoutEntries.selfManaged().create(spec("halfway").build()).join())
          .isInstanceOfSatisfying(
              PartialCreationException.class,
              e -> {
                assertThat(e.step()).isEqualTo("create access entry");
                assertThat(e.existing())
                    .extracting(ResourceRef::kind)
                    .containsExactly("instance-profile", "launch-template");
                assertThat(e.getMessage())
                    .contains("nodegroups.selfManaged().delete(\"shop\", \"halfway\")");
              });

      assertThat(withoutEntries.selfManaged().delete(CLUSTER, "halfway").join().deleted()).isTrue();
    }
    assertThat(templates("shop-halfway")).isEmpty();
    assertThatThrownBy(() -> iam.getInstanceProfile(r -> r.instanceProfileName("shop-halfway")))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void create_windowsWithoutPrerequisites_refusedNamingEachBeforeAnyChange() {
    var spec =
        spec("win")
            .clusterName(BARE)
            .ami(AmiChoice.windows(AmiFamily.WINDOWS_SERVER_2022, WindowsEdition.CORE))
            .build();

    assertThatThrownBy(() -> nodegroups.selfManaged().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.rule())
                    .containsExactlyInAnyOrder(
                        "windows-needs-linux-capacity",
                        "windows-vpc-resource-controller",
                        "windows-ipam"));
    assertThat(templates("bare-win")).isEmpty();
    assertThatThrownBy(() -> iam.getInstanceProfile(r -> r.instanceProfileName("bare-win")))
        .isInstanceOf(NoSuchEntityException.class);
  }

  private SelfManagedNodegroupSpec.Builder spec(String name) {
    return SelfManagedNodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m5.large")
        .addSecurityGroupIds(securityGroup)
        .minSize(1)
        .desiredSize(2)
        .maxSize(3);
  }

  private String role(String name, String service) {
    return Roles.create(iam, name, service);
  }

  private EksKit kit(EksClient client) {
    return EmulatedKit.builder(client, ec2)
        .iamClient(iam)
        .client(SsmClient.class, ssm)
        .client(AutoScalingClient.class, autoScaling)
        .build();
  }

  private AutoScalingGroup group(String name) {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
        .autoScalingGroups()
        .get(0);
  }

  private ResponseLaunchTemplateData templateData(String id) {
    return ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(id).versions("$Default"))
        .launchTemplateVersions()
        .get(0)
        .launchTemplateData();
  }

  private List<?> templates(String name) {
    return ec2.describeLaunchTemplates(
            r -> r.filters(f -> f.name("launch-template-name").values(name)))
        .launchTemplates();
  }
}
