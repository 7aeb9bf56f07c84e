package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.core.OperationCancelledException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;

/**
 * Every mutating call of access management: AWS acts and the answer is lost, or the process stops
 * right after; the same call again, on a new kit for the stop, ends as asked with nothing doubled.
 */
class AccessResumeSimTest extends SimulationTest {
  private static final String OPS = "arn:aws:iam::123456789012:role/ops";
  private static final AccessPolicyAssociation VIEW =
      AccessPolicyAssociation.cluster("AmazonEKSViewPolicy");
  private static final AccessEntrySpec ENTRY =
      AccessEntrySpec.builder()
          .clusterName("orders")
          .principalArn(OPS)
          .addKubernetesGroups("a")
          .build();

  /** One mutating call: how to get there, the operation that makes it, and what must hold after. */
  enum Scenario {
    CREATE_ACCESS_ENTRY(
        "CreateAccessEntry",
        test -> {},
        kit -> kit.access().create(ENTRY.toBuilder().addAccessPolicies(VIEW).build()),
        test -> {
          assertThat(test.kit.access().list("orders")).containsExactly(OPS);
          assertThat(test.kit.access().describe("orders", OPS).orElseThrow().accessPolicies())
              .hasSize(1);
        }),
    ASSOCIATE_ACCESS_POLICY(
        "AssociateAccessPolicy",
        test -> test.kit.access().create(ENTRY).join(),
        kit -> kit.access().associate("orders", OPS, VIEW),
        test ->
            assertThat(test.kit.access().describe("orders", OPS).orElseThrow().accessPolicies())
                .containsExactly(
                    new AccessPolicyAssociation(
                        VIEW.policyArn(), VIEW.scope(), VIEW.namespaces()))),
    UPDATE_ACCESS_ENTRY(
        "UpdateAccessEntry",
        test -> test.kit.access().create(ENTRY).join(),
        kit -> kit.access().update(ENTRY.toBuilder().kubernetesGroups(List.of("b")).build()),
        test ->
            assertThat(test.kit.access().describe("orders", OPS).orElseThrow().kubernetesGroups())
                .containsExactly("b")),
    DISASSOCIATE_ACCESS_POLICY(
        "DisassociateAccessPolicy",
        test -> test.kit.access().create(ENTRY.toBuilder().addAccessPolicies(VIEW).build()).join(),
        kit -> kit.access().disassociate("orders", OPS, "AmazonEKSViewPolicy"),
        test ->
            assertThat(test.kit.access().describe("orders", OPS).orElseThrow().accessPolicies())
                .isEmpty()),
    DELETE_ACCESS_ENTRY(
        "DeleteAccessEntry",
        test -> test.kit.access().create(ENTRY).join(),
        kit -> kit.access().delete("orders", OPS),
        test -> assertThat(test.kit.access().list("orders")).isEmpty()),
    UPDATE_CLUSTER_CONFIG(
        "UpdateClusterConfig",
        test -> {},
        kit -> kit.access().updateAuthenticationMode("orders", AuthenticationMode.API),
        test ->
            assertThat(
                    test.aws
                        .eks()
                        .describeCluster(r -> r.name("orders"))
                        .cluster()
                        .accessConfig()
                        .authenticationMode())
                .isEqualTo(AuthenticationMode.API));

    final String operation;
    final Consumer<AccessResumeSimTest> setUp;
    final Function<EksKit, Operation<?>> run;
    final Consumer<AccessResumeSimTest> check;

    Scenario(
        String operation,
        Consumer<AccessResumeSimTest> setUp,
        Function<EksKit, Operation<?>> run,
        Consumer<AccessResumeSimTest> check) {
      this.operation = operation;
      this.setUp = setUp;
      this.run = run;
      this.check = check;
    }
  }

  private void prepare(Scenario scenario) {
    kit.clusters()
        .create(spec("orders").authenticationMode(AuthenticationMode.API_AND_CONFIG_MAP).build())
        .join();
    scenario.setUp.accept(this);
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void call_answerLost_endsAsAsked(Scenario scenario) {
    prepare(scenario);
    aws.faults().commitThenFail(scenario.operation, 500);

    scenario.run.apply(kit).join();

    scenario.check.accept(this);
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void call_stoppedRightAfter_runAgainEndsAsAsked(Scenario scenario) {
    prepare(scenario);
    aws.faults().afterCommit(scenario.operation, kit::close);
    assertThatThrownBy(() -> scenario.run.apply(kit).join())
        .isInstanceOf(OperationCancelledException.class);

    try (EksKit again = kitOn(aws)) {
      scenario.run.apply(again).join();
    }

    kit = kitOn(aws);
    scenario.check.accept(this);
  }
}
