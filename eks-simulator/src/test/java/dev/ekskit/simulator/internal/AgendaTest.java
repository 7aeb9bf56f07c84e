package dev.ekskit.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void runDue_actionsDueAndNot_runsOnlyThoseDueInTimeOrder() {
    Agenda agenda = new Agenda();
    List<String> ran = new ArrayList<>();
    agenda.at(T0.plusSeconds(30), () -> ran.add("late"));
    agenda.at(T0.plusSeconds(10), () -> ran.add("first"));
    agenda.at(T0.plusSeconds(10), () -> ran.add("second"));
    agenda.at(T0.plusSeconds(3_600), () -> ran.add("far"));

    agenda.runDue(T0.plusSeconds(30));

    assertThat(ran).containsExactly("first", "second", "late");
  }

  @Test
  void runDue_thousandsScheduledLater_runsNone() {
    Agenda agenda = new Agenda();
    List<Integer> ran = new ArrayList<>();
    for (int i = 1; i <= 5_000; i++) {
      int id = i;
      agenda.at(T0.plusSeconds(i), () -> ran.add(id));
    }

    agenda.runDue(T0);

    assertThat(ran).isEmpty();
  }
}
