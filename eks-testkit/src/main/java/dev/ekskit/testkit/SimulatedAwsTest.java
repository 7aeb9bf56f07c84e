package dev.ekskit.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose tests (and their {@code @BeforeEach} / {@code @AfterEach}
 * methods) take a {@link dev.ekskit.simulator.SimulatedAws}, an {@link dev.ekskit.core.EksKit}
 * wired to it by {@link SimulatedKit}, or anything a module of that kit provides (such as {@code
 * ManagedNodegroups} or {@code FargateProfiles}) as parameters. Each test gets a fresh simulation
 * and kit, closed after it.
 *
 * <pre>{@code
 * @SimulatedAwsTest
 * class TenantProvisioningTest {
 *   @Test
 *   void provision_newTenant_clusterActive(SimulatedAws aws, EksKit kit) {
 *     aws.faults().throttle(0.3);
 *     new TenantProvisioner(kit).provision("tenant-42");
 *     assertThat(aws.eks().listClusters().clusters()).containsExactly("tenant-42");
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SimulatedAwsExtension.class)
public @interface SimulatedAwsTest {
  /** The simulation's seed: every drawn duration follows from it. */
  long seed() default 42;
}
