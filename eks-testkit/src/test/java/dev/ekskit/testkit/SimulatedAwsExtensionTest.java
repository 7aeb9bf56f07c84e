package dev.ekskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKit;
import dev.ekskit.simulator.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.eks.model.ClusterStatus;

@SimulatedAwsTest(seed = 7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedAwsExtensionTest {
  private static final List<SimulatedAws> SEEN = new ArrayList<>();
  private static final List<EksKit> KITS = new ArrayList<>();
  private SimulatedAws fromBeforeEach;

  @BeforeEach
  void remember(SimulatedAws aws) {
    fromBeforeEach = aws;
  }

  @Test
  @Order(1)
  void resolve_beforeEachAndTest_shareOneSimulation(SimulatedAws aws, EksKit kit) {
    assertThat(aws).isSameAs(fromBeforeEach);
    aws.createVpcWithSubnets(2);
    assertThat(aws.ec2().describeSubnets().subnets()).hasSize(2);
    SEEN.add(aws);
    KITS.add(kit);
  }

  @Test
  @Order(2)
  void resolve_nextTest_freshSimulationAndKit(SimulatedAws aws, EksKit kit) {
    assertThat(aws).isNotSameAs(SEEN.get(0));
    assertThat(kit).isNotSameAs(KITS.get(0));
    assertThat(aws.ec2().describeSubnets().subnets()).isEmpty();
    SEEN.add(aws);
    KITS.add(kit);
  }

  @Test
  @Order(3)
  void resolve_kit_wiredToTheInjectedSimulationOnVirtualTime(SimulatedAws aws, EksKit kit) {
    List<String> subnets = aws.createVpcWithSubnets(2);

    ClusterInfo cluster =
        kit.clusters()
            .create(
                spec ->
                    spec.name("orders")
                        .kubernetesVersion("1.33")
                        .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
                        .subnetIds(subnets))
            .join();

    assertThat(cluster.status()).isEqualTo(ClusterStatus.ACTIVE);
    assertThat(aws.calls().count("CreateCluster")).isEqualTo(1);
    assertThat(aws.time().now()).isAfter(java.time.Instant.parse("2026-01-01T00:05:00Z"));
    SEEN.add(aws);
  }

  @Test
  @Order(4)
  void resolve_typeAModuleProvides_theKitsOwnInstance(GreetingModule.Greeter greeter, EksKit kit) {
    assertThat(greeter).isSameAs(kit.extension(GreetingModule.Greeter.class));
    assertThat(greeter.greeting()).isEqualTo("hello");
  }

  @AfterAll
  static void closedAfterEachTest() {
    assertThat(SEEN).allSatisfy(aws -> assertThat(aws.time().scheduler().isShutdown()).isTrue());
  }
}
