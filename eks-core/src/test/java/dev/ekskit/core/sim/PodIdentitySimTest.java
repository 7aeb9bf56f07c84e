package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterDeletion;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.PodIdentityAssociationInfo;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Violation;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pod Identity associations: the agent add-on, the role ekskit makes, adoption, delete. */
class PodIdentitySimTest extends SimulationTest {
  static final String POLICY = "arn:aws:iam::aws:policy/AmazonSQSFullAccess";
  static final String INLINE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::orders/*\"}]}";

  private RoleLeftovers iam;
  private String theirRole;

  @BeforeEach
  void activeCluster() {
    SimulatedKit.activeCluster(kit, "orders", subnets);
    iam = new RoleLeftovers(aws);
    theirRole = aws.createRole("theirs", "pods.eks.amazonaws.com");
    aws.calls().clear();
    events.clear();
  }

  static PodIdentityAssociationSpec.Builder withNewRole() {
    return PodIdentityAssociationSpec.builder()
        .clusterName("orders")
        .namespace("shop")
        .serviceAccount("checkout")
        .role(r -> r.name("orders-checkout").addManagedPolicyArns(POLICY).inlinePolicy(INLINE));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void associate_newRole_agentRoleAndAssociationMade(Path path) {
    PodIdentityAssociationInfo association =
        path.finish(kit.podIdentity().associate(withNewRole().build()));

    String roleArn = "arn:aws:iam::123456789012:role/orders-checkout";
    assertThat(association.roleArn()).isEqualTo(roleArn);
    assertThat(association.tags()).containsEntry("ekskit.dev/cluster", "orders");
    assertThat(iam.associations("orders")).containsExactly(Map.entry("shop/checkout", roleArn));
    assertThat(iam.addons("orders")).containsExactly("eks-pod-identity-agent");
    assertThat(
            aws.eks()
                .describeAddon(r -> r.clusterName("orders").addonName("eks-pod-identity-agent"))
                .addon()
                .status())
        .hasToString("ACTIVE");
    assertThat(iam.trust("orders-checkout"))
        .contains(
            "\"Service\":\"pods.eks.amazonaws.com\"", "\"sts:AssumeRole\"", "\"sts:TagSession\"");
    assertThat(iam.policies("orders-checkout")).containsExactly(POLICY);
    assertThat(iam.inlinePolicies("orders-checkout")).containsExactly("ekskit-inline");
    assertThat(iam.tags("orders-checkout"))
        .containsEntry("ekskit.dev/cluster", "orders")
        .containsEntry("ekskit.dev/service-account", "shop/checkout");
  }

  @Test
  void associate_agentThereAndRoleGiven_onlyTheAssociationIsMade() {
    aws.eks().createAddon(r -> r.clusterName("orders").addonName("eks-pod-identity-agent"));
    aws.calls().clear();

    kit.podIdentity()
        .associate(
            PodIdentityAssociationSpec.builder()
                .clusterName("orders")
                .namespace("shop")
                .serviceAccount("checkout")
                .roleArn(theirRole)
                .build())
        .join();

    assertThat(aws.calls().all())
        .filteredOn(call -> call.mutating())
        .extracting(call -> call.operation())
        .containsExactly("CreatePodIdentityAssociation");
    assertThat(iam.associations("orders")).containsEntry("shop/checkout", theirRole);
  }

  @Test
  void associate_sameSpecTwice_adoptedWithNothingDoubled() {
    PodIdentityAssociationInfo first = kit.podIdentity().associate(withNewRole().build()).join();

    PodIdentityAssociationInfo again = kit.podIdentity().associate(withNewRole().build()).join();

    assertThat(again.associationId()).isEqualTo(first.associationId());
    assertThat(aws.calls().count("CreateAddon")).isEqualTo(1);
    assertThat(iam.roleNames()).containsExactly("orders-checkout", "theirs");
    assertThat(eventsOf(ProgressEvent.StepSucceeded.class))
        .extracting(ProgressEvent.StepSucceeded::step)
        .contains("adopt role", "adopt association");
  }

  @Test
  void associate_serviceAccountHasAnotherRole_conflictNamingTheRole() {
    kit.podIdentity()
        .associate(withNewRole().role(Optional.empty()).roleArn(theirRole).build())
        .join();

    assertThatThrownBy(() -> kit.podIdentity().associate(withNewRole().build()).join())
        .isInstanceOfSatisfying(
            PartialCreationException.class,
            e -> {
              assertThat(e.existing())
                  .contains(new ResourceRef("iam-role", "orders-checkout"))
                  .extracting(ResourceRef::kind)
                  .doesNotContain("pod-identity-association");
              assertThat(((ConflictException) e.getCause()).differences())
                  .extracting(FieldDifference::field)
                  .containsExactly("roleArn");
            });
    assertThat(iam.associations("orders")).containsEntry("shop/checkout", theirRole);
  }

  @Test
  void associate_bothRoleArnAndRole_refusedBeforeAnyCall() {
    assertThatThrownBy(() -> withNewRole().roleArn(theirRole).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("one-of"));
    assertThatThrownBy(
            () ->
                PodIdentityAssociationSpec.builder()
                    .clusterName("orders")
                    .namespace("Shop")
                    .serviceAccount("check_out")
                    .roleArn(theirRole)
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("namespace", "serviceAccount"));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void describeListAndUpdate_oneAssociation_seenAndRepointed() {
    kit.podIdentity().associate(withNewRole().build()).join();

    PodIdentityAssociationInfo updated =
        kit.podIdentity().update("orders", "shop", "checkout", theirRole).join();

    assertThat(updated.roleArn()).isEqualTo(theirRole);
    assertThat(kit.podIdentity().describe("orders", "shop", "checkout"))
        .get()
        .extracting(PodIdentityAssociationInfo::roleArn)
        .isEqualTo(theirRole);
    assertThat(kit.podIdentity().list("orders"))
        .extracting(PodIdentityAssociationInfo::serviceAccount)
        .containsExactly("checkout");
    assertThat(kit.podIdentity().describe("orders", "shop", "other")).isEmpty();
  }

  @Test
  void delete_associationWithItsRole_bothGoneTheirRoleStays() {
    kit.podIdentity().associate(withNewRole().build()).join();
    kit.podIdentity()
        .associate(
            PodIdentityAssociationSpec.builder()
                .clusterName("orders")
                .namespace("shop")
                .serviceAccount("billing")
                .roleArn(theirRole)
                .build())
        .join();

    assertThat(kit.podIdentity().delete("orders", "shop", "checkout").join().deleted()).isTrue();
    assertThat(kit.podIdentity().delete("orders", "shop", "billing").join().deleted()).isTrue();

    assertThat(iam.associations("orders")).isEmpty();
    assertThat(iam.roleNames()).containsExactly("theirs");
    assertThat(kit.podIdentity().delete("orders", "shop", "checkout").join().deleted()).isFalse();
  }

  @Test
  void clusterDelete_withAssociations_ekskitRoleGoesTheirRoleStays() {
    kit.podIdentity().associate(withNewRole().build()).join();
    kit.podIdentity()
        .associate(
            PodIdentityAssociationSpec.builder()
                .clusterName("orders")
                .namespace("shop")
                .serviceAccount("billing")
                .roleArn(theirRole)
                .build())
        .join();

    ClusterDeletion deletion = kit.clusters().delete("orders").join();

    assertThat(deletion.otherParts())
        .containsEntry("IAM roles and OIDC providers", List.of("orders-checkout"));
    assertThat(iam.roleNames()).containsExactly("theirs");
    assertThat(iam.policies("theirs")).isEmpty();
  }
}
