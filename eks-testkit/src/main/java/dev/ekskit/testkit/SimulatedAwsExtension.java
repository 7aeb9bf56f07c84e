package dev.ekskit.testkit;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.EksKitException;
import dev.ekskit.simulator.SimulatedAws;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SimulatedAwsTest}: resolves {@link SimulatedAws}, {@link
 * EksKit} and module-provided types (through {@link EksKit#extension}) to one simulation and one
 * kit per test, and closes the kit, then the simulation, when the test ends.
 */
public final class SimulatedAwsExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedAwsExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SimulatedAws.class
        || type == EksKit.class
        || (type.getPackageName().startsWith("dev.ekskit.") && providedByModule(type, context));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Simulated simulated = simulated(context);
    if (type == SimulatedAws.class) {
      return simulated.aws();
    }
    return type == EksKit.class ? simulated.kit() : simulated.kit().extension(type);
  }

  private boolean providedByModule(Class<?> type, ExtensionContext context) {
    try {
      simulated(context).kit().extension(type);
      return true;
    } catch (EksKitException notProvided) {
      return false;
    }
  }

  private static Simulated simulated(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Simulated.class, key -> Simulated.start(seed(context)), Simulated.class);
  }

  private static long seed(ExtensionContext context) {
    return context
        .getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, SimulatedAwsTest.class))
        .map(SimulatedAwsTest::seed)
        .orElse(42L);
  }

  /** One test's simulation and kit; JUnit closes it when the test's context ends. */
  private record Simulated(SimulatedAws aws, EksKit kit)
      implements ExtensionContext.Store.CloseableResource {
    static Simulated start(long seed) {
      SimulatedAws aws = SimulatedAws.builder().seed(seed).build();
      return new Simulated(aws, SimulatedKit.create(aws));
    }

    @Override
    public void close() {
      kit.close();
      aws.close();
    }
  }
}
