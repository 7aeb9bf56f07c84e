package dev.ekskit.core.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.DeletionRefusedException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Cluster and node roles with the SDK's real IAM client, over HTTP, against moto_server, checked
 * from outside. moto attaches AWS managed policies because ekskit's launcher starts it with {@code
 * MOTO_IAM_LOAD_MANAGED_POLICIES=true}.
 */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEmulatorTest {
  private final IamClient iam;
  private final EksKit kit;

  RoleEmulatorTest(MotoAccount account) {
    iam = account.client(IamClient.builder());
    kit =
        EmulatedKit.builder(
                account.client(EksClient.builder()), account.client(Ec2Client.builder()))
            .iamClient(iam)
            .build();
  }

  @AfterAll
  void closeKit() {
    kit.close();
  }

  @Test
  void createClusterRole_onEmulator_trustPoliciesAndTagsSeenFromOutside() {
    RoleInfo made =
        kit.roles()
            .createClusterRole(
                ClusterRoleSpec.builder()
                    .name("emu-cluster")
                    .clusterName("emu")
                    .autoMode(true)
                    .build())
            .join();

    Role role = iam.getRole(r -> r.roleName("emu-cluster")).role();
    assertThat(role.arn()).isEqualTo(made.arn());
    assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .contains("eks.amazonaws.com", "sts:TagSession");
    assertThat(role.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)))
        .containsEntry("ekskit.dev/managed-by", "ekskit")
        .containsEntry("ekskit.dev/cluster", "emu");
    assertThat(policies("emu-cluster"))
        .containsExactlyInAnyOrder(
            "AmazonEKSClusterPolicy",
            "AmazonEKSVPCResourceController",
            "AmazonEKSComputePolicy",
            "AmazonEKSBlockStoragePolicy",
            "AmazonEKSLoadBalancingPolicy",
            "AmazonEKSNetworkingPolicy");
  }

  @Test
  void createNodeRole_twiceThenDelete_adoptedThenGone() {
    RoleInfo first = kit.roles().createNodeRole(NodeRoleSpec.of("emu-nodes")).join();
    RoleInfo again = kit.roles().createNodeRole(NodeRoleSpec.of("emu-nodes")).join();

    assertThat(again.arn()).isEqualTo(first.arn());
    assertThat(policies("emu-nodes"))
        .containsExactlyInAnyOrder(
            "AmazonEKSWorkerNodePolicy",
            "AmazonEC2ContainerRegistryPullOnly",
            "AmazonEKS_CNI_Policy");

    assertThat(kit.roles().delete("emu-nodes").join().deleted()).isTrue();

    assertThatThrownBy(() -> iam.getRole(r -> r.roleName("emu-nodes")))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void delete_roleMadeOutsideEksKit_refusedAndKept() {
    iam.createRole(
        r ->
            r.roleName("emu-theirs")
                .assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));

    assertThatThrownBy(() -> kit.roles().delete("emu-theirs").join())
        .isInstanceOf(DeletionRefusedException.class);
    assertThat(iam.getRole(r -> r.roleName("emu-theirs")).role().roleName())
        .isEqualTo("emu-theirs");
  }

  private List<String> policies(String role) {
    return iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream()
        .map(AttachedPolicy::policyName)
        .toList();
  }
}
