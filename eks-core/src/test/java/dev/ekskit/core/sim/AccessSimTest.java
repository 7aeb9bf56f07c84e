package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.AccessEntryInfo;
import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eks.model.AccessScopeType;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;

/**
 * Authentication modes, access entries and access policies through {@code kit.access()} on the
 * simulated EKS (moto has no access-entry API: HTML 404).
 */
class AccessSimTest extends SimulationTest {
  private static final String OPS = "arn:aws:iam::123456789012:role/ops";

  private void cluster(AuthenticationMode mode) {
    kit.clusters().create(spec("orders").authenticationMode(mode).build()).join();
    events.clear();
    aws.calls().clear();
  }

  private static AccessEntrySpec.Builder entry() {
    return AccessEntrySpec.builder().clusterName("orders").principalArn(OPS);
  }

  private AuthenticationMode mode() {
    return aws.eks()
        .describeCluster(r -> r.name("orders"))
        .cluster()
        .accessConfig()
        .authenticationMode();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void updateAuthenticationMode_configMapToApi_twoStepsEachWaited(Path path) {
    cluster(AuthenticationMode.CONFIG_MAP);

    ClusterInfo cluster =
        path.finish(kit.access().updateAuthenticationMode("orders", AuthenticationMode.API));

    assertThat(cluster.sdkCluster().accessConfig().authenticationMode())
        .isEqualTo(AuthenticationMode.API);
    assertThat(aws.calls().count("UpdateClusterConfig")).isEqualTo(2);
    assertThat(aws.calls().count("DescribeUpdate")).isPositive();
  }

  @Test
  void updateAuthenticationMode_alreadyThere_noUpdate() {
    cluster(AuthenticationMode.API_AND_CONFIG_MAP);

    kit.access().updateAuthenticationMode("orders", AuthenticationMode.API_AND_CONFIG_MAP).join();

    assertThat(aws.calls().count("UpdateClusterConfig")).isZero();
  }

  @Test
  void updateAuthenticationMode_backwards_refusedWithReasonBeforeAnyChange() {
    cluster(AuthenticationMode.API);

    assertThatThrownBy(
            () ->
                kit.access()
                    .updateAuthenticationMode("orders", AuthenticationMode.API_AND_CONFIG_MAP)
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.violations()).extracting(Violation::rule).containsExactly("one-way");
              assertThat(e.getMessage()).contains("is at API", "one way");
            });
    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(mode()).isEqualTo(AuthenticationMode.API);
  }

  @Test
  void updateAuthenticationMode_toConfigMap_refusedBeforeAnyCall() {
    cluster(AuthenticationMode.API_AND_CONFIG_MAP);

    assertThatThrownBy(
            () -> kit.access().updateAuthenticationMode("orders", AuthenticationMode.CONFIG_MAP))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("never moves a cluster back to CONFIG_MAP");
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void updateAuthenticationMode_stoppedAfterFirstStep_runAgainFinishesWithoutRepeatingIt() {
    cluster(AuthenticationMode.CONFIG_MAP);
    aws.faults().afterCommit("UpdateClusterConfig", kit::close);
    assertThatThrownBy(
            () -> kit.access().updateAuthenticationMode("orders", AuthenticationMode.API).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit again = kitOn(aws)) {
      again.access().updateAuthenticationMode("orders", AuthenticationMode.API).join();
    }

    assertThat(mode()).isEqualTo(AuthenticationMode.API);
    assertThat(aws.calls().all())
        .filteredOn(c -> c.operation().equals("UpdateClusterConfig") && c.succeeded())
        .hasSize(2);
    kit = kitOn(aws);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_withPolicies_entryAndAssociations(Path path) {
    cluster(AuthenticationMode.API_AND_CONFIG_MAP);

    AccessEntryInfo created =
        path.finish(
            kit.access()
                .create(
                    entry()
                        .username("ops")
                        .addKubernetesGroups("ops-readers")
                        .addAccessPolicies(
                            AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"),
                            AccessPolicyAssociation.namespaces(
                                "AmazonEKSEditPolicy", "orders", "pay-*"))
                        .build()));

    assertThat(created.type()).isEqualTo("STANDARD");
    assertThat(created.username()).isEqualTo("ops");
    assertThat(created.kubernetesGroups()).containsExactly("ops-readers");
    assertThat(created.accessPolicies())
        .extracting(AccessPolicyAssociation::policyName, AccessPolicyAssociation::scope)
        .containsExactlyInAnyOrder(
            tuple("AmazonEKSViewPolicy", AccessScopeType.CLUSTER),
            tuple("AmazonEKSEditPolicy", AccessScopeType.NAMESPACE));
    assertThat(created.tags()).containsEntry("ekskit.dev/managed-by", "ekskit");
  }

  @Test
  void create_noUsername_eksDerivesOneFromTheRole() {
    cluster(AuthenticationMode.API);

    AccessEntryInfo created = kit.access().create(entry().build()).join();

    assertThat(created.username())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/ops/{{SessionName}}");
  }

  @Test
  void create_clusterOnConfigMap_refusedBeforeAnyMutatingCall() {
    cluster(AuthenticationMode.CONFIG_MAP);

    assertThatThrownBy(() -> kit.access().create(entry().build()).join())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("updateAuthenticationMode");
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void associate_twice_secondMakesNoCall() {
    cluster(AuthenticationMode.API);
    kit.access().create(entry().build()).join();
    AccessPolicyAssociation view = AccessPolicyAssociation.cluster("AmazonEKSViewPolicy");

    kit.access().associate("orders", OPS, view).join();
    AccessEntryInfo again = kit.access().associate("orders", OPS, view).join();

    assertThat(aws.calls().count("AssociateAccessPolicy")).isEqualTo(1);
    assertThat(again.accessPolicies())
        .extracting(AccessPolicyAssociation::policyName)
        .containsExactly("AmazonEKSViewPolicy");
  }

  @Test
  void associate_otherScope_setsTheNewScope() {
    cluster(AuthenticationMode.API);
    kit.access()
        .create(
            entry()
                .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSEditPolicy"))
                .build())
        .join();

    AccessEntryInfo narrowed =
        kit.access()
            .associate(
                "orders", OPS, AccessPolicyAssociation.namespaces("AmazonEKSEditPolicy", "orders"))
            .join();

    assertThat(narrowed.accessPolicies())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.scope()).isEqualTo(AccessScopeType.NAMESPACE);
              assertThat(p.namespaces()).containsExactly("orders");
            });
  }

  @Test
  void associate_answerLost_associatedOnce() {
    cluster(AuthenticationMode.API);
    kit.access().create(entry().build()).join();
    aws.faults().commitThenFail("AssociateAccessPolicy", 500);

    AccessEntryInfo after =
        kit.access()
            .associate("orders", OPS, AccessPolicyAssociation.cluster("AmazonEKSAdminPolicy"))
            .join();

    assertThat(after.accessPolicies()).hasSize(1);
  }

  @Test
  void disassociate_associatedOrNot_goneEitherWay() {
    cluster(AuthenticationMode.API);
    kit.access()
        .create(
            entry()
                .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"))
                .build())
        .join();

    assertThat(
            kit.access().disassociate("orders", OPS, "AmazonEKSViewPolicy").join().accessPolicies())
        .isEmpty();
    assertThat(
            kit.access().disassociate("orders", OPS, "AmazonEKSViewPolicy").join().accessPolicies())
        .isEmpty();
  }

  @Test
  void update_namesAndPolicies_exactlyTheSpec() {
    cluster(AuthenticationMode.API);
    kit.access()
        .create(
            entry()
                .addKubernetesGroups("a")
                .addAccessPolicies(
                    AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"),
                    AccessPolicyAssociation.cluster("AmazonEKSEditPolicy"))
                .build())
        .join();

    AccessEntryInfo updated =
        kit.access()
            .update(
                entry()
                    .username("operator")
                    .addKubernetesGroups("b")
                    .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"))
                    .build())
            .join();

    assertThat(updated.username()).isEqualTo("operator");
    assertThat(updated.kubernetesGroups()).containsExactly("b");
    assertThat(updated.accessPolicies())
        .extracting(AccessPolicyAssociation::policyName)
        .containsExactly("AmazonEKSViewPolicy");
  }

  @Test
  void create_existingWithOtherGroups_conflict() {
    cluster(AuthenticationMode.API);
    kit.access().create(entry().addKubernetesGroups("a").build()).join();

    assertThatThrownBy(() -> kit.access().create(entry().addKubernetesGroups("b").build()).join())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("kubernetesGroups");
  }

  @Test
  void create_answerLost_oneEntry() {
    cluster(AuthenticationMode.API);
    aws.faults().commitThenFail("CreateAccessEntry", 500);

    kit.access()
        .create(
            entry()
                .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"))
                .build())
        .join();

    assertThat(kit.access().list("orders")).containsExactly(OPS);
    assertThat(kit.access().describe("orders", OPS).orElseThrow().accessPolicies()).hasSize(1);
  }

  @Test
  void create_stoppedRightAfterCreate_runAgainAddsThePolicies() {
    cluster(AuthenticationMode.API);
    AccessEntrySpec spec =
        entry().addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy")).build();
    aws.faults().afterCommit("CreateAccessEntry", kit::close);
    assertThatThrownBy(() -> kit.access().create(spec).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit again = kitOn(aws)) {
      again.access().create(spec).join();
    }

    kit = kitOn(aws);
    assertThat(kit.access().list("orders")).containsExactly(OPS);
    assertThat(kit.access().describe("orders", OPS).orElseThrow().accessPolicies()).hasSize(1);
  }

  @Test
  void delete_thenAgain_trueThenFalse() {
    cluster(AuthenticationMode.API);
    kit.access().create(entry().build()).join();

    assertThat(kit.access().delete("orders", OPS).join().deleted()).isTrue();
    assertThat(kit.access().delete("orders", OPS).join().deleted()).isFalse();
    assertThat(kit.access().describe("orders", OPS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "principalArn:arn:aws:sts::123456789012:assumed-role/ops/session",
        "username:system:admin",
        "kubernetesGroups[0]:system:masters",
        "accessPolicies[0].policy:AmazonEKSFancyPolicy",
        "accessPolicies[1].namespaces[0]:Orders_Ns"
      })
  void build_brokenRule_invalidNamingTheFieldWithoutAnyCall(String fieldAndValue) {
    String field = fieldAndValue.substring(0, fieldAndValue.indexOf(':'));
    String value = fieldAndValue.substring(fieldAndValue.indexOf(':') + 1);
    AccessEntrySpec.Builder builder = entry();
    switch (field) {
      case "principalArn" -> builder.principalArn(value);
      case "username" -> builder.username(value);
      case "kubernetesGroups[0]" -> builder.addKubernetesGroups(value);
      case "accessPolicies[0].policy" ->
          builder.addAccessPolicies(AccessPolicyAssociation.cluster(value));
      default ->
          builder.addAccessPolicies(
              AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"),
              AccessPolicyAssociation.namespaces("AmazonEKSEditPolicy", List.of(value)));
    }

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(field));
    assertThat(aws.calls().all()).isEmpty();
  }
}
