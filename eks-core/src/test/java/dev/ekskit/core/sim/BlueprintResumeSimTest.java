package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.simulator.AccountLeftovers;
import dev.ekskit.simulator.ResumeFault;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.RestartingKit;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Set;
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

      assertThat(world.process.stops()).isEqualTo(fault.stop() ? 1 : 0);
      assertThat(AccountLeftovers.of(world.aws, Set.of())).isEmpty();
    }
  }

  /** One simulated account living through apply and delete, with its kit of the moment. */
  private static final class World implements AutoCloseable {
    private final SimulatedAws aws = SimulatedAws.create();
    private final RestartingKit process = new RestartingKit(() -> SimulatedKit.create(aws));

    void live(ResumeFault fault) {
      aws.calls().clear();
      if (fault != null) {
        fault.arm(aws, process::stop);
      }
      process.run(kit -> kit.blueprints().apply(BLUEPRINT).join());
      assertThat(process.kit().blueprints().plan(BLUEPRINT).hasChanges())
          .as("plan after apply")
          .isFalse();
      assertThat(aws.eks().listAddons(r -> r.clusterName("orders")).addons()).hasSize(4);
      process.run(kit -> kit.blueprints().delete(BLUEPRINT).join());
    }

    @Override
    public void close() {
      process.close();
      aws.close();
    }
  }
}
