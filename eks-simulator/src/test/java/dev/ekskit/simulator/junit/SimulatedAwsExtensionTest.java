package dev.ekskit.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.simulator.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@SimulatedAwsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedAwsExtensionTest {
  private static final List<SimulatedAws> SEEN = new ArrayList<>();
  private SimulatedAws fromBeforeEach;

  @BeforeEach
  void remember(SimulatedAws aws) {
    fromBeforeEach = aws;
  }

  @Test
  @Order(1)
  void resolve_beforeEachAndTest_shareOneSimulation(SimulatedAws aws) {
    assertThat(aws).isSameAs(fromBeforeEach);
    aws.createVpcWithSubnets(2);
    assertThat(aws.ec2().describeSubnets().subnets()).hasSize(2);
    SEEN.add(aws);
  }

  @Test
  @Order(2)
  void resolve_nextTest_freshSimulation(SimulatedAws aws) {
    assertThat(aws).isNotSameAs(SEEN.get(0));
    assertThat(aws.ec2().describeSubnets().subnets()).isEmpty();
    SEEN.add(aws);
  }

  @AfterAll
  static void closedAfterEachTest() {
    assertThat(SEEN).allSatisfy(aws -> assertThat(aws.time().scheduler().isShutdown()).isTrue());
  }
}
