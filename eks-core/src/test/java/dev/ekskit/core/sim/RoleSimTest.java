package dev.ekskit.core.sim;

import static dev.ekskit.core.sim.RoleLeftovers.awsPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.DeletionRefusedException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.Violation;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cluster and node roles: what they trust and carry, adoption, deletion, IAM propagation. */
class RoleSimTest extends SimulationTest {
  private RoleLeftovers iam;

  @BeforeEach
  void leftovers() {
    iam = new RoleLeftovers(aws);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void createClusterRole_new_trustsEksWithTagSessionPoliciesAndTags(Path path) {
    RoleInfo role =
        path.finish(
            kit.roles()
                .createClusterRole(
                    ClusterRoleSpec.builder()
                        .name("orders-cluster")
                        .clusterName("orders")
                        .putTags("team", "payments")
                        .build()));

    assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/orders-cluster");
    assertThat(role.managedPolicyArns())
        .containsExactly(
            awsPolicy("AmazonEKSClusterPolicy"), awsPolicy("AmazonEKSVPCResourceController"));
    assertThat(role.isManagedByEksKit()).isTrue();
    assertThat(iam.trust("orders-cluster"))
        .contains("\"Service\":\"eks.amazonaws.com\"")
        .contains("\"sts:AssumeRole\"", "\"sts:TagSession\"");
    assertThat(iam.tags("orders-cluster"))
        .containsEntry("team", "payments")
        .containsEntry("ekskit.dev/managed-by", "ekskit")
        .containsEntry("ekskit.dev/cluster", "orders");
    assertThat(iam.role("orders-cluster").description())
        .isEqualTo("ekskit: EKS cluster role for EKS cluster orders");
  }

  @Test
  void createClusterRole_autoMode_alsoComputeStorageLoadBalancingNetworking() {
    RoleInfo role =
        kit.roles()
            .createClusterRole(ClusterRoleSpec.builder().name("auto").autoMode(true).build())
            .join();

    assertThat(role.managedPolicyArns())
        .containsExactly(
            awsPolicy("AmazonEKSClusterPolicy"),
            awsPolicy("AmazonEKSVPCResourceController"),
            awsPolicy("AmazonEKSComputePolicy"),
            awsPolicy("AmazonEKSBlockStoragePolicy"),
            awsPolicy("AmazonEKSLoadBalancingPolicy"),
            awsPolicy("AmazonEKSNetworkingPolicy"));
    assertThat(role.tags()).doesNotContainKey("ekskit.dev/cluster");
  }

  @Test
  void createClusterRole_pathAndBoundary_roleHasBoth() {
    String boundary = "arn:aws:iam::123456789012:policy/eks-boundary";

    RoleInfo role =
        kit.roles()
            .createClusterRole(
                ClusterRoleSpec.builder()
                    .name("bounded")
                    .path("/eks/")
                    .permissionsBoundaryArn(boundary)
                    .build())
            .join();

    assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/eks/bounded");
    assertThat(role.path()).isEqualTo("/eks/");
    assertThat(role.permissionsBoundaryArn()).isEqualTo(boundary);
  }

  @Test
  void createNodeRole_defaults_trustsEc2WorkerRegistryAndCniButNoSsm() {
    RoleInfo role = kit.roles().createNodeRole(NodeRoleSpec.of("nodes")).join();

    assertThat(role.managedPolicyArns())
        .containsExactly(
            awsPolicy("AmazonEKSWorkerNodePolicy"),
            awsPolicy("AmazonEC2ContainerRegistryPullOnly"),
            awsPolicy("AmazonEKS_CNI_Policy"));
    assertThat(iam.trust("nodes"))
        .contains("\"Service\":\"ec2.amazonaws.com\"")
        .doesNotContain("sts:TagSession");
  }

  @Test
  void createNodeRole_cniOwnIdentityAndSsm_noCniPolicyButSsm() {
    RoleInfo role =
        kit.roles()
            .createNodeRole(
                NodeRoleSpec.builder()
                    .name("nodes")
                    .cniHasOwnIdentity(true)
                    .ssmManagedInstanceCore(true)
                    .build())
            .join();

    assertThat(role.managedPolicyArns())
        .containsExactly(
            awsPolicy("AmazonEKSWorkerNodePolicy"),
            awsPolicy("AmazonEC2ContainerRegistryPullOnly"),
            awsPolicy("AmazonSSMManagedInstanceCore"));
  }

  @Test
  void createClusterRole_sameSpecTwice_adoptedWithNothingDoubled() {
    ClusterRoleSpec spec =
        ClusterRoleSpec.builder().name("orders-cluster").clusterName("orders").build();
    RoleInfo first = kit.roles().createClusterRole(spec).join();

    RoleInfo again = kit.roles().createClusterRole(spec).join();

    assertThat(again).isEqualTo(first);
    assertThat(iam.roleNames()).containsExactly("orders-cluster");
    assertThat(eventsOf(ProgressEvent.StepSucceeded.class))
        .extracting(ProgressEvent.StepSucceeded::step)
        .contains("adopt role");
  }

  @Test
  void createClusterRole_nameTakenByARoleEksKitDidNotMake_conflictAndNothingAttached() {
    aws.createRole("orders-cluster", "eks.amazonaws.com");

    assertThatThrownBy(
            () -> kit.roles().createClusterRole(ClusterRoleSpec.of("orders-cluster")).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("role owner"));
    assertThat(iam.policies("orders-cluster")).isEmpty();
  }

  @Test
  void createClusterRole_ourRoleWithOtherPathAndCluster_conflictNamesBoth() {
    kit.roles()
        .createClusterRole(ClusterRoleSpec.builder().name("shared").clusterName("orders").build())
        .join();

    assertThatThrownBy(
            () ->
                kit.roles()
                    .createClusterRole(
                        ClusterRoleSpec.builder()
                            .name("shared")
                            .path("/eks/")
                            .clusterName("billing")
                            .build())
                    .join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactlyInAnyOrder("tags[ekskit.dev/cluster]", "path"));
  }

  @Test
  void createClusterRole_nodeRoleOfThatName_conflictOnTrust() {
    kit.roles().createNodeRole(NodeRoleSpec.of("mixed-up")).join();

    assertThatThrownBy(() -> kit.roles().createClusterRole(ClusterRoleSpec.of("mixed-up")).join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.differences())
                    .extracting(FieldDifference::field)
                    .containsExactly("trust policy"));
  }

  @Test
  void createClusterRole_badNamePathBoundaryAndTag_allReportedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                ClusterRoleSpec.builder()
                    .name("no spaces")
                    .path("eks")
                    .permissionsBoundaryArn("arn:aws:iam::123456789012:role/not-a-policy")
                    .putTags("ekskit.dev/cluster", "x")
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "name", "path", "permissionsBoundaryArn", "tags[ekskit.dev/cluster]"));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void delete_ourRole_policiesDetachedAndRoleGone() {
    kit.roles().createClusterRole(ClusterRoleSpec.of("orders-cluster")).join();

    assertThat(kit.roles().delete("orders-cluster").join().deleted()).isTrue();

    assertThat(iam.roleNames()).isEmpty();
    assertThat(kit.roles().describe("orders-cluster")).isEmpty();
    assertThat(kit.roles().delete("orders-cluster").join().deleted()).isFalse();
  }

  @Test
  void delete_roleEksKitDidNotMake_refusedAndKept() {
    aws.createRole("theirs", "eks.amazonaws.com", "AmazonEKSClusterPolicy");

    assertThatThrownBy(() -> kit.roles().delete("theirs").join())
        .isInstanceOfSatisfying(
            DeletionRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo("ekskit did not create it"));
    assertThat(iam.policies("theirs")).containsExactly(awsPolicy("AmazonEKSClusterPolicy"));
  }

  @Test
  void delete_heldByAnInstanceProfile_refusedNamingItAndNothingDetached() {
    kit.roles().createNodeRole(NodeRoleSpec.of("nodes")).join();
    aws.iam().createInstanceProfile(r -> r.instanceProfileName("legacy-workers"));
    aws.iam()
        .addRoleToInstanceProfile(r -> r.instanceProfileName("legacy-workers").roleName("nodes"));

    assertThatThrownBy(() -> kit.roles().delete("nodes").join())
        .isInstanceOfSatisfying(
            DeletionRefusedException.class,
            e -> assertThat(e.heldBy()).containsExactly("legacy-workers"));
    assertThat(iam.policies("nodes")).hasSize(3);
  }

  @Test
  void createCluster_withRoleJustMade_waitsOutIamPropagation() {
    aws.durations().rolePropagation(Duration.ofSeconds(15));
    RoleInfo role = kit.roles().createClusterRole(ClusterRoleSpec.of("fresh")).join();

    ClusterInfo cluster = kit.clusters().create(spec("orders").roleArn(role.arn()).build()).join();

    assertThat(cluster.isActive()).isTrue();
    assertThat(aws.calls().all())
        .filteredOn(call -> call.operation().equals("CreateCluster"))
        .extracting(call -> call.errorCode())
        .startsWith("InvalidParameterException")
        .endsWith((String) null);
    assertThat(eventsOf(ProgressEvent.Retrying.class))
        .anyMatch(e -> e.reason().contains("could not be assumed"));
  }

  @Test
  void createCluster_roleEksCanNeverAssume_failsAfterBoundedRetriesWithNoCluster() {
    RoleInfo nodeRole = kit.roles().createNodeRole(NodeRoleSpec.of("nodes")).join();

    assertThatThrownBy(
            () -> kit.clusters().create(spec("orders").roleArn(nodeRole.arn()).build()).join())
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> assertThat(e.getMessage()).contains("could not be assumed", "was not created"));
    assertThat(aws.calls().count("CreateCluster")).isEqualTo(10);
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }
}
