package dev.ekskit.nodes.moto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Plan;
import dev.ekskit.core.PlanAction;
import dev.ekskit.core.PlannedChange;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A self-managed node group as a blueprint part with the SDK's clients against moto: the plan reads
 * the Auto Scaling group and the launch template version back through moto's marshalling, and an
 * apply changes the group in place. moto has no instance refresh, so what a new template version
 * does is tested on the simulated AWS. moto names an instance's template version as the group's
 * {@code $Default}, where AWS names the number: such an instance counts as current.
 */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfManagedBlueprintEmulatorTest {
  private static final String CLUSTER = "depot";

  private final Ec2Client ec2;
  private final AutoScalingClient autoScaling;
  private final CallCounter calls = new CallCounter();
  private final EksKit kit;
  private final List<String> subnets;
  private final String securityGroup;
  private final String nodeRole;
  private final ClusterSpec cluster;

  SelfManagedBlueprintEmulatorTest(MotoAccount account) {
    ClientOverrideConfiguration counted =
        ClientOverrideConfiguration.builder().addExecutionInterceptor(calls).build();
    ec2 = account.client(Ec2Client.builder().overrideConfiguration(counted));
    IamClient iam = account.client(IamClient.builder().overrideConfiguration(counted));
    autoScaling = account.client(AutoScalingClient.builder().overrideConfiguration(counted));
    SsmClient ssm = account.client(SsmClient.builder().overrideConfiguration(counted));
    EksClient motoEks = account.client(EksClient.builder().overrideConfiguration(counted));
    subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
    String vpc = ec2.describeSubnets(r -> r.subnetIds(subnets)).subnets().get(0).vpcId();
    securityGroup =
        ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("depot").description("nodes"))
            .groupId();
    nodeRole = Roles.create(iam, "depot-node", "ec2.amazonaws.com");
    cluster =
        ClusterSpec.builder()
            .name(CLUSTER)
            .kubernetesVersion("1.33")
            // EKS reports its default range when none is asked for; moto reports none.
            .serviceIpv4Cidr("172.20.0.0/16")
            .roleArn(Roles.create(iam, "depot-cluster", "eks.amazonaws.com"))
            .subnetIds(subnets)
            .build();
    try (EksKit creator = kit(motoEks, iam, ssm)) {
      creator.clusters().create(cluster).join();
    }
    kit = kit(new AccessEntriesBesideMoto(motoEks), iam, ssm);
  }

  @AfterAll
  void close() {
    kit.close();
  }

  @Test
  void applyThenChange_groupUpdatedInPlace_planReadsBackNoChange() {
    ClusterBlueprint blueprint = blueprint(spec().build());
    calls.reset();
    assertThat(kit.blueprints().plan(blueprint).find("self-managed node group", "batch"))
        .get()
        .extracting(PlannedChange::action)
        .isEqualTo(PlanAction.CREATE);
    assertThat(calls.operations()).noneMatch(SelfManagedBlueprintEmulatorTest::mutating);

    kit.blueprints().apply(blueprint).join();

    assertThat(group().tags())
        .anySatisfy(
            t -> assertThat(t.key() + "=" + t.value()).isEqualTo(Tags.BLUEPRINT + "=depot"));
    assertNoChange(blueprint);

    ClusterBlueprint wider = blueprint(spec().maxSize(5).addInstanceTypes("m5.xlarge").build());
    kit.blueprints().apply(wider).join();

    assertThat(group().maxSize()).isEqualTo(5);
    assertThat(group().mixedInstancesPolicy().launchTemplate().overrides())
        .extracting(o -> o.instanceType())
        .containsExactly("m5.large", "m5.xlarge");
    assertNoChange(wider);

    calls.reset();
    PlannedChange relabel =
        kit.blueprints()
            .plan(
                blueprint(
                    spec()
                        .maxSize(5)
                        .addInstanceTypes("m5.xlarge")
                        .putLabels("tier", "api")
                        .build()))
            .find("self-managed node group", "batch")
            .orElseThrow();
    assertThat(relabel.action()).isEqualTo(PlanAction.UPDATE);
    assertThat(relabel.differences()).extracting(d -> d.field()).containsExactly("userData");
    assertThat(calls.operations()).noneMatch(SelfManagedBlueprintEmulatorTest::mutating);
  }

  private void assertNoChange(ClusterBlueprint blueprint) {
    Plan plan = kit.blueprints().plan(blueprint);
    assertThat(plan.hasChanges()).as(plan.render()).isFalse();
  }

  private ClusterBlueprint blueprint(SelfManagedNodegroupSpec part) {
    return ClusterBlueprint.builder().cluster(cluster).addParts(part).build();
  }

  private SelfManagedNodegroupSpec.Builder spec() {
    return SelfManagedNodegroupSpec.builder()
        .clusterName(CLUSTER)
        .name("batch")
        .nodeRoleArn(nodeRole)
        .subnetIds(subnets)
        .addInstanceTypes("m5.large")
        .addSecurityGroupIds(securityGroup)
        .minSize(1)
        .desiredSize(2)
        .maxSize(3);
  }

  private AutoScalingGroup group() {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("depot-batch"))
        .autoScalingGroups()
        .get(0);
  }

  private EksKit kit(EksClient eks, IamClient iam, SsmClient ssm) {
    return EmulatedKit.builder(eks, ec2)
        .iamClient(iam)
        .client(SsmClient.class, ssm)
        .client(AutoScalingClient.class, autoScaling)
        .build();
  }

  private static boolean mutating(String operation) {
    return !operation.startsWith("Describe")
        && !operation.startsWith("List")
        && !operation.startsWith("Get");
  }
}
