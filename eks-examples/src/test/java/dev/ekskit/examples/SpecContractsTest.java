package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ekskit.core.InvalidSpecException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every spec of every module keeps: a builder with nothing set builds or throws an
 * {@link InvalidSpecException} with every violation, a missing field being one of them (rule {@code
 * required}), never Immutables' IllegalStateException or a NullPointerException; its setters can be
 * called through reflection, as binders and tools do; and {@code toBuilder()} gives the same
 * builder type as {@code builder()}, as the SDK's types do.
 */
class SpecContractsTest {
  static Stream<Class<?>> specs() {
    return Stream.of(
        dev.ekskit.core.AccessEntrySpec.class,
        dev.ekskit.core.AddonSpec.class,
        dev.ekskit.core.ApplyOptions.class,
        dev.ekskit.core.AutoMode.class,
        dev.ekskit.core.ClusterBlueprint.class,
        dev.ekskit.core.ClusterConfigUpdate.class,
        dev.ekskit.core.ClusterRoleSpec.class,
        dev.ekskit.core.ClusterSpec.class,
        dev.ekskit.core.DeleteOptions.class,
        dev.ekskit.core.NetworkSpec.class,
        dev.ekskit.core.NodeRoleSpec.class,
        dev.ekskit.core.PodIdentityAssociationSpec.class,
        dev.ekskit.core.ServiceAccountRoleSpec.class,
        dev.ekskit.core.WorkloadRoleSpec.class,
        dev.ekskit.fargate.FargateProfileSpec.class,
        dev.ekskit.fargate.PodExecutionRoleSpec.class,
        dev.ekskit.nodes.AmiChoice.class,
        dev.ekskit.nodes.LaunchTemplateSpec.class,
        dev.ekskit.nodes.NodeBootstrap.class,
        dev.ekskit.nodes.NodegroupSpec.class,
        dev.ekskit.nodes.SelfManagedNodegroupSpec.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void build_nothingSet_isValidOrNamesEveryMissingField(Class<?> spec) throws Exception {
    Object builder = spec.getMethod("builder").invoke(null);
    Method build = builder.getClass().getMethod("build");

    assertThatCode(
            () -> {
              try {
                build.invoke(builder);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            })
        .satisfiesAnyOf(
            thrown -> assertThat(thrown).isNull(),
            thrown -> assertThat(thrown).isInstanceOf(InvalidSpecException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void builder_settersCanBeCalledThroughReflection(Class<?> spec) throws Exception {
    Object builder = spec.getMethod("builder").invoke(null);
    Map<Class<?>, Object> samples =
        Map.of(String.class, "x", boolean.class, true, int.class, 1, Iterable.class, List.of());
    Method setter =
        Stream.of(builder.getClass().getMethods())
            .filter(m -> m.getParameterCount() == 1)
            .filter(m -> m.getReturnType().isInstance(builder))
            .filter(m -> samples.containsKey(m.getParameterTypes()[0]))
            .findFirst()
            .orElseThrow();

    assertThat(setter.invoke(builder, samples.get(setter.getParameterTypes()[0])))
        .isSameAs(builder);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void toBuilder_everySpec_returnsItsBuilder(Class<?> spec) throws Exception {
    Method toBuilder = spec.getMethod("toBuilder");

    assertThat(Modifier.isPublic(toBuilder.getModifiers())).isTrue();
    assertThat(toBuilder.getReturnType()).isEqualTo(spec.getMethod("builder").getReturnType());
  }
}
