package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.Operation;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.nodes.Nodegroups;
import dev.ekskit.simulator.Call;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method of every facade, called with null for each argument: it throws one of
 * ekskit's exceptions (directly, or through its operation) and makes no AWS call, never a
 * NullPointerException from deep inside.
 */
class NullSweepTest {
  private final SimulatedAws aws = SimulatedAws.create();
  private final EksKit kit = SimulatedKit.create(aws);

  /** A facade method and how to reach the facade from a kit. */
  record Entry(String facade, Function<EksKit, Object> of, Method method) {
    @Override
    public String toString() {
      return facade
          + "."
          + method.getName()
          + List.of(method.getParameterTypes()).stream().map(Class::getSimpleName).toList();
    }
  }

  static Stream<Entry> everyFacadeMethod() {
    return Stream.of(
            facade("clusters", EksKit::clusters),
            facade("networks", EksKit::networks),
            facade("roles", EksKit::roles),
            facade("addons", EksKit::addons),
            facade("access", EksKit::access),
            facade("podIdentity", EksKit::podIdentity),
            facade("irsa", EksKit::irsa),
            facade("blueprints", EksKit::blueprints),
            facade("managed", k -> Nodegroups.of(k).managed()),
            facade("selfManaged", k -> Nodegroups.of(k).selfManaged()),
            facade("amis", k -> Nodegroups.of(k).amis()),
            facade("launchTemplates", k -> Nodegroups.of(k).launchTemplates()),
            facade("fargate", FargateProfiles::of))
        .flatMap(s -> s);
  }

  private static Stream<Entry> facade(String name, Function<EksKit, Object> of) {
    try (SimulatedAws aws = SimulatedAws.create();
        EksKit kit = SimulatedKit.create(aws)) {
      Class<?> type = of.apply(kit).getClass();
      return Stream.of(type.getMethods())
          .filter(m -> m.getDeclaringClass() == type)
          .filter(m -> !Modifier.isStatic(m.getModifiers()))
          .filter(m -> m.getParameterCount() > 0)
          .filter(m -> Stream.of(m.getParameterTypes()).noneMatch(Class::isPrimitive))
          .map(m -> new Entry(name, of, m));
    }
  }

  @AfterEach
  void close() {
    kit.close();
    aws.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFacadeMethod")
  void call_nullArguments_throwsEksKitExceptionWithoutAnyAwsCall(Entry entry) {
    Object facade = entry.of().apply(kit);
    Throwable thrown = null;
    try {
      Object result = entry.method().invoke(facade, new Object[entry.method().getParameterCount()]);
      if (result instanceof Operation<?> operation) {
        operation.join();
      }
    } catch (InvocationTargetException e) {
      thrown = e.getCause();
    } catch (RuntimeException e) {
      thrown = e;
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }

    assertThat(thrown).as("what %s threw", entry).isInstanceOf(EksKitException.class);
    assertThat(aws.calls().all()).as("AWS calls").noneMatch(Call::mutating);
  }
}
