package dev.ekskit.examples;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Steps;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedAwsTest;
import dev.ekskit.testkit.SimulatedKit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every step of a whole blueprint's life (apply, upgrade, delete; core, node groups of both kinds,
 * Fargate) is named in the one form {@link Steps} describes, and each name has one spelling.
 */
@SimulatedAwsTest
class StepNamesTest {
  @Test
  void wholeLifecycle_everyStepName_oneFormAndOneSpelling(SimulatedAws aws) {
    List<String> steps = new CopyOnWriteArrayList<>();
    String operator = aws.createRole("shop-operator", "ec2.amazonaws.com");
    try (EksKit kit = SimulatedKit.builder(aws).addListener(e -> steps.add(e.step())).build()) {
      kit.blueprints().apply(BlueprintQuickStart.blueprint("shop", "1.32", operator)).join();
      kit.blueprints()
          .upgrade(
              BlueprintQuickStart.blueprint("shop", "1.32", operator),
              "1.33",
              ApplyOptions.defaults())
          .join();
      kit.blueprints().delete(BlueprintQuickStart.blueprint("shop", "1.33", operator)).join();
    }

    Set<String> names = new TreeSet<>(steps);
    assertThat(names)
        .contains(Steps.CREATE, Steps.WAIT_ACTIVE, Steps.DELETE, Steps.WAIT_DELETED)
        .allSatisfy(step -> assertThat(step).matches(Steps.FORM));
    assertThat(names.stream().collect(groupingBy(step -> step.toLowerCase(Locale.ROOT))))
        .allSatisfy((name, spellings) -> assertThat(spellings).as(name).hasSize(1));
  }
}
