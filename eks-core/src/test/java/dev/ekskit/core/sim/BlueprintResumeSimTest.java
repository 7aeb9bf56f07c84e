package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.EksKitException;
import dev.ekskit.testkit.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mutating call of a blueprint's apply and delete, found by running them once: AWS acts and
 * the answer is lost, or the process stops right after (its kit closes inside the call). Running
 * the same operation again on a new kit, as a restarted process would, ends with one of everything
 * (the plan then shows no change), and the delete leaves nothing the blueprint made.
 */
class BlueprintResumeSimTest {
  private static final ClusterBlueprint BLUEPRINT = BlueprintSimTest.blueprint().build();

  static List<ResumeFault> everyMutatingCall() {
    try (World world = new World()) {
      world.live(null);
      return ResumeFault.atEach(ResumeFault.acted(world.aws));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMutatingCall")
  void applyThenDelete_faultAtThisCall_runningAgainEndsWithOneOfEachThenNothing(ResumeFault fault) {
    try (World world = new World()) {
      world.live(fault);

      assertThat(world.stops).isEqualTo(fault.stop() ? 1 : 0);
      assertThat(world.leftovers()).isEmpty();
    }
  }

  /** One simulated account living through apply and delete, with its kit of the moment. */
  private static final class World implements AutoCloseable {
    private final SimulatedAws aws = SimulatedAws.create();
    private EksKit kit = newKit();
    private int stops;

    private EksKit newKit() {
      return SimulatedKits.kit(aws, event -> {});
    }

    void live(ResumeFault fault) {
      aws.calls().clear();
      if (fault != null) {
        fault.arm(aws, () -> kit.close());
      }
      runSurvivingOneStop(k -> k.blueprints().apply(BLUEPRINT).join());
      assertThat(kit.blueprints().plan(BLUEPRINT).hasChanges()).as("plan after apply").isFalse();
      assertThat(aws.eks().listAddons(r -> r.clusterName("orders")).addons()).hasSize(4);
      runSurvivingOneStop(k -> k.blueprints().delete(BLUEPRINT).join());
    }

    private void runSurvivingOneStop(Function<EksKit, Object> step) {
      try {
        step.apply(kit);
      } catch (EksKitException | CompletionException stopped) {
        // The process stopped inside this step: a new one runs the same step again.
        stops++;
        kit = newKit();
        step.apply(kit);
      }
    }

    List<String> leftovers() {
      List<String> left = new ArrayList<>();
      aws.eks().listClusters().clusters().forEach(name -> left.add("cluster " + name));
      aws.ec2().describeVpcs().vpcs().forEach(vpc -> left.add("vpc " + vpc.vpcId()));
      aws.ec2().describeSubnets().subnets().forEach(s -> left.add("subnet " + s.subnetId()));
      aws.ec2().describeNatGateways().natGateways().stream()
          .filter(nat -> !nat.stateAsString().startsWith("delete"))
          .forEach(nat -> left.add("nat " + nat.natGatewayId()));
      aws.ec2().describeAddresses().addresses().forEach(a -> left.add("eip " + a.allocationId()));
      aws.iam().listRoles().roles().forEach(role -> left.add("role " + role.roleName()));
      aws.iam()
          .listOpenIDConnectProviders()
          .openIDConnectProviderList()
          .forEach(p -> left.add("oidc " + p.arn()));
      return left;
    }

    @Override
    public void close() {
      kit.close();
      aws.close();
    }
  }
}
