package dev.ekskit.fargate.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/** Fargate profiles and their role with the SDK's real clients, over HTTP, against moto_server. */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FargateEmulatorTest {
  private static final String CLUSTER = "shop";
  private final EksClient eks;
  private final Ec2Client ec2;
  private final IamClient iam;
  private final EksKit kit;
  private final FargateProfiles fargate;
  private final String vpcId;
  private final List<String> privateSubnets;

  FargateEmulatorTest(MotoAccount account) {
    eks = account.client(EksClient.builder());
    ec2 = account.client(Ec2Client.builder());
    iam = account.client(IamClient.builder());
    kit = kit(eks, ec2, iam);
    fargate = FargateProfiles.of(kit);
    vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    privateSubnets =
        List.of(subnet("10.0.1.0/24", "us-east-1a"), subnet("10.0.2.0/24", "us-east-1b"));
    kit.clusters()
        .create(
            ClusterSpec.builder()
                .name(CLUSTER)
                .kubernetesVersion("1.33")
                .roleArn("arn:aws:iam::" + account.accountId() + ":role/eks-cluster")
                .subnetIds(privateSubnets)
                .build())
        .join();
  }

  /** {@link EmulatedKit#kit}'s kit, also given the IAM client the pod execution role needs. */
  private static EksKit kit(EksClient eks, Ec2Client ec2, IamClient iam) {
    return EksKit.builder()
        .eksClient(eks)
        .ec2Client(ec2)
        .iamClient(iam)
        .pollingOverride(EmulatedKit.FAST)
        .retry(EmulatedKit.QUICK_RETRIES)
        .build();
  }

  @AfterAll
  void close() {
    kit.close();
  }

  private String subnet(String cidr, String zone) {
    return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone))
        .subnet()
        .subnetId();
  }

  private String internetGateway() {
    String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
    ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
    return igw;
  }

  private FargateProfileSpec.Builder profile(String name, String roleArn, List<String> subnets) {
    return FargateProfileSpec.builder()
        .clusterName(CLUSTER)
        .name(name)
        .podExecutionRoleArn(roleArn)
        .subnetIds(subnets)
        .addSelectors(FargateSelector.of("kube-system"));
  }

  @Test
  void createPodExecutionRole_new_trustScopedManagedPolicyAttachedTagged() {
    String arn =
        fargate.createPodExecutionRole(PodExecutionRoleSpec.of(CLUSTER, "shop-pods")).join();

    Role role = iam.getRole(r -> r.roleName("shop-pods")).role();
    String trust = URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8);
    assertThat(role.arn()).isEqualTo(arn);
    assertThat(trust)
        .contains("eks-fargate-pods.amazonaws.com")
        .contains("arn:aws:eks:us-east-1:")
        .contains(":fargateprofile/shop/*");
    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("shop-pods")).attachedPolicies())
        .extracting(AttachedPolicy::policyArn)
        .containsExactly("arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy");
    assertThat(iam.listRoleTags(r -> r.roleName("shop-pods")).tags())
        .anyMatch(t -> t.key().equals("ekskit.dev/managed-by"))
        .anyMatch(t -> t.key().equals(Tags.CLUSTER) && t.value().equals(CLUSTER));
    assertThat(fargate.createPodExecutionRole(PodExecutionRoleSpec.of(CLUSTER, "shop-pods")).join())
        .as("a second run adopts the role")
        .isEqualTo(arn);
  }

  @Test
  void createPodExecutionRole_existingRoleTrustsOtherService_conflictNamesTrustPolicy() {
    iam.createRole(
        r ->
            r.roleName("shop-ec2")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));

    assertThatThrownBy(
            () ->
                fargate.createPodExecutionRole(PodExecutionRoleSpec.of(CLUSTER, "shop-ec2")).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("trust policy"));
    assertThat(iam.listAttachedRolePolicies(r -> r.roleName("shop-ec2")).attachedPolicies())
        .isEmpty();
  }

  @Test
  void createDescribeDelete_privateSubnets_activeThenGone() {
    String role =
        fargate
            .createPodExecutionRole(PodExecutionRoleSpec.of(CLUSTER, "shop-profile-pods"))
            .join();

    FargateProfileInfo created =
        fargate.create(profile("system", role, privateSubnets).build()).join();

    assertThat(created.statusAsString()).isEqualTo("ACTIVE");
    assertThat(created.subnetIds()).containsExactlyInAnyOrderElementsOf(privateSubnets);
    var described =
        eks.describeFargateProfile(r -> r.clusterName(CLUSTER).fargateProfileName("system"))
            .fargateProfile();
    assertThat(described.podExecutionRoleArn()).isEqualTo(role);
    assertThat(described.tags())
        .containsEntry("ekskit.dev/managed-by", "ekskit")
        .containsEntry(Tags.CLUSTER, CLUSTER);
    assertThat(fargate.delete(CLUSTER, "system").join().deleted()).isTrue();
    assertThatThrownBy(
            () ->
                eks.describeFargateProfile(
                    r -> r.clusterName(CLUSTER).fargateProfileName("system")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void create_subnetRoutedToInternetGateway_refusedNamingIt() {
    String publicSubnet = subnet("10.0.3.0/24", "us-east-1a");
    String table = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
    ec2.createRoute(
        r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(internetGateway()));
    ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(publicSubnet));
    String role = "arn:aws:iam::123456789012:role/any";

    assertThatThrownBy(
            () ->
                fargate
                    .create(
                        profile("web", role, List.of(privateSubnets.get(0), publicSubnet)).build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(Tuple.tuple("subnetIds[1]", "private")))
        .hasMessageContaining(publicSubnet);
    assertThat(eks.listFargateProfiles(r -> r.clusterName(CLUSTER)).fargateProfileNames())
        .doesNotContain("web");
  }

  @Test
  void create_subnetWithoutAssociationInVpcWhoseMainTableRoutesToIgw_refused() {
    String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
    String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
    ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(otherVpc));
    String mainTable =
        ec2.describeRouteTables(
                r ->
                    r.filters(
                        f -> f.name("vpc-id").values(otherVpc),
                        f -> f.name("association.main").values("true")))
            .routeTables()
            .get(0)
            .routeTableId();
    ec2.createRoute(
        r -> r.routeTableId(mainTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
    String subnet =
        ec2.createSubnet(
                r -> r.vpcId(otherVpc).cidrBlock("10.1.1.0/24").availabilityZone("us-east-1a"))
            .subnet()
            .subnetId();

    assertThatThrownBy(
            () ->
                fargate
                    .create(
                        profile("api", "arn:aws:iam::123456789012:role/any", List.of(subnet))
                            .build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(Tuple.tuple("subnetIds[0]", "private")))
        .hasMessageContaining(mainTable);
  }
}
