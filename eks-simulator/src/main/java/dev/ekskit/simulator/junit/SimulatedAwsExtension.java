package dev.ekskit.simulator.junit;

import dev.ekskit.simulator.SimulatedAws;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a fresh {@link SimulatedAws} into each test method (and its
 * {@code @BeforeEach}/{@code @AfterEach} methods, which share the test's instance) and closes it
 * after the test.
 *
 * <pre>{@code
 * @SimulatedAwsTest
 * class TenantProvisioningTest {
 *   @Test
 *   void provision_newTenant_clusterActive(SimulatedAws aws) {
 *     aws.faults().throttle(0.3);
 *     // build your EksKit on aws.eks(), aws.ec2(), aws.time() and exercise your code
 *   }
 * }
 * }</pre>
 */
public final class SimulatedAwsExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedAwsExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SimulatedAws.class;
  }

  @Override
  public SimulatedAws resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Closing.class, key -> new Closing(SimulatedAws.create()), Closing.class)
        .aws;
  }

  /** Closed by JUnit when the test's context ends. */
  private record Closing(SimulatedAws aws) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      aws.close();
    }
  }
}
