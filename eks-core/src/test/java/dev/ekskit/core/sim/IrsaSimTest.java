package dev.ekskit.core.sim;

import static dev.ekskit.core.sim.RoleLeftovers.awsPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.OidcProviderInfo;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.Violation;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** IRSA: the cluster's OIDC provider, roles trusting it, and what a cluster delete takes along. */
class IrsaSimTest extends SimulationTest {
  private static final ServiceAccountRoleSpec EBS =
      ServiceAccountRoleSpec.builder()
          .clusterName("orders")
          .namespace("kube-system")
          .serviceAccount("ebs-csi-controller-sa")
          .role(
              r ->
                  r.name("orders-ebs-csi")
                      .addManagedPolicyArns(awsPolicy("AmazonEBSCSIDriverPolicy")))
          .build();

  private RoleLeftovers iam;
  private String issuer;

  @BeforeEach
  void activeCluster() {
    issuer =
        SimulatedKit.activeCluster(kit, "orders", subnets).sdkCluster().identity().oidc().issuer();
    iam = new RoleLeftovers(aws);
    aws.calls().clear();
  }

  static List<String> createCalls() {
    return List.of("CreateOpenIDConnectProvider", "CreateRole", "AttachRolePolicy");
  }

  @Test
  void createOidcProvider_new_issuerWithStsAudienceTaggedNoThumbprintGiven() {
    OidcProviderInfo provider = kit.irsa().createOidcProvider("orders").join();

    String hostAndPath = issuer.substring("https://".length());
    assertThat(provider.arn()).isEqualTo("arn:aws:iam::123456789012:oidc-provider/" + hostAndPath);
    assertThat(provider.issuerUrl()).isEqualTo(issuer);
    assertThat(provider.clientIds()).containsExactly("sts.amazonaws.com");
    assertThat(provider.isManagedByEksKit()).isTrue();
    assertThat(kit.irsa().describeOidcProvider("orders"))
        .get()
        .isEqualTo(
            new OidcProviderInfo(
                provider.arn(), issuer, List.of("sts.amazonaws.com"), provider.tags()));
    assertThat(provider.tags()).containsEntry("ekskit.dev/cluster", "orders");
  }

  @Test
  void createOidcProvider_twice_oneProviderAdopted() {
    OidcProviderInfo first = kit.irsa().createOidcProvider("orders").join();

    OidcProviderInfo again = kit.irsa().createOidcProvider("orders").join();

    assertThat(again).isEqualTo(first);
    assertThat(iam.providerArns()).containsExactly(first.arn());
  }

  @Test
  void createOidcProvider_someoneElsesProvider_usedAndNeverDeleted() {
    aws.iam().createOpenIDConnectProvider(r -> r.url(issuer).clientIDList("sts.amazonaws.com"));

    OidcProviderInfo adopted = kit.irsa().createOidcProvider("orders").join();

    assertThat(adopted.isManagedByEksKit()).isFalse();
    assertThat(kit.irsa().deleteOidcProvider("orders").join().deleted()).isFalse();
    kit.clusters().delete("orders").join();
    assertThat(iam.providerArns()).containsExactly(adopted.arn());
  }

  @Test
  void createServiceAccountRole_noProviderYet_providerThenRoleTrustingOnlyThatServiceAccount() {
    RoleInfo role = kit.irsa().createServiceAccountRole(EBS).join();

    String host = issuer.substring("https://".length());
    assertThat(iam.providerArns()).hasSize(1);
    assertThat(iam.trust("orders-ebs-csi"))
        .contains(
            "\"Federated\":\"" + iam.providerArns().get(0) + "\"",
            "\"Action\":\"sts:AssumeRoleWithWebIdentity\"",
            "\"" + host + ":sub\":\"system:serviceaccount:kube-system:ebs-csi-controller-sa\"",
            "\"" + host + ":aud\":\"sts.amazonaws.com\"");
    assertThat(role.managedPolicyArns()).containsExactly(awsPolicy("AmazonEBSCSIDriverPolicy"));
    assertThat(role.tags())
        .containsEntry("ekskit.dev/service-account", "kube-system/ebs-csi-controller-sa");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void createServiceAccountRole_answerLostAfterEachCall_oneProviderOneRole(String operation) {
    aws.faults().commitThenFail(operation, 500);

    kit.irsa().createServiceAccountRole(EBS).join();

    assertOneProviderOneRole();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCalls")
  void createServiceAccountRole_stoppedRightAfterEachCall_runAgainFinishes(String operation) {
    aws.faults().afterCommit(operation, kit::close);
    assertThatThrownBy(() -> kit.irsa().createServiceAccountRole(EBS).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = kitOn(aws)) {
      restarted.irsa().createServiceAccountRole(EBS).join();
    }

    assertOneProviderOneRole();
  }

  @Test
  void spec_namespaceAndServiceAccountLongerThanATagValue_refusedBeforeAnyCall() {
    assertThatThrownBy(
            () -> EBS.toBuilder().namespace("n".repeat(63)).serviceAccount("s".repeat(200)).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("serviceAccount", "max-length")));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void deleteOidcProvider_ours_goneAndAgainFalse() {
    kit.irsa().createOidcProvider("orders").join();

    assertThat(kit.irsa().deleteOidcProvider("orders").join().deleted()).isTrue();

    assertThat(iam.providerArns()).isEmpty();
    assertThat(kit.irsa().deleteOidcProvider("orders").join().deleted()).isFalse();
  }

  @Test
  void clusterDelete_providerAndRolesMadeForIt_goneButOthersStay() {
    kit.irsa().createServiceAccountRole(EBS).join();
    kit.roles()
        .createClusterRole(
            ClusterRoleSpec.builder().name("orders-cluster").clusterName("orders").build())
        .join();
    kit.roles()
        .createNodeRole(NodeRoleSpec.builder().name("orders-nodes").clusterName("orders").build())
        .join();
    kit.roles().createNodeRole(NodeRoleSpec.of("shared-nodes")).join();
    kit.roles()
        .createNodeRole(NodeRoleSpec.builder().name("billing-nodes").clusterName("billing").build())
        .join();
    aws.createRole("theirs", "ec2.amazonaws.com");

    ClusterDeletion deletion = kit.clusters().delete("orders").join();

    assertThat(deletion.otherParts().get("IAM roles and OIDC providers"))
        .containsExactly("orders-cluster", "orders-ebs-csi", "orders-nodes", iamProviderArn());
    assertThat(iam.roleNames()).containsExactly("billing-nodes", "shared-nodes", "theirs");
    assertThat(iam.providerArns()).isEmpty();
  }

  @Test
  void clusterDelete_stoppedAfterDeleteRole_runAgainRemovesTheRest() {
    kit.irsa().createServiceAccountRole(EBS).join();
    kit.roles()
        .createNodeRole(NodeRoleSpec.builder().name("orders-nodes").clusterName("orders").build())
        .join();
    aws.faults().afterCommit("DeleteRole", kit::close);
    assertThatThrownBy(() -> kit.clusters().delete("orders").join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit restarted = kitOn(aws)) {
      restarted.clusters().delete("orders").join();
    }

    assertThat(iam.roleNames()).isEmpty();
    assertThat(iam.providerArns()).isEmpty();
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
  }

  private String iamProviderArn() {
    return "arn:aws:iam::123456789012:oidc-provider/" + issuer.substring("https://".length());
  }

  private void assertOneProviderOneRole() {
    assertThat(iam.providerArns()).containsExactly(iamProviderArn());
    assertThat(iam.roleNames()).containsExactly("orders-ebs-csi");
    assertThat(iam.policies("orders-ebs-csi"))
        .containsExactly(awsPolicy("AmazonEBSCSIDriverPolicy"));
  }
}
