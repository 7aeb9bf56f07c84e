package dev.ekskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.Access;
import dev.ekskit.core.Addons;
import dev.ekskit.core.Blueprints;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.Clusters;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.Irsa;
import dev.ekskit.core.Networks;
import dev.ekskit.core.PodIdentity;
import dev.ekskit.core.Roles;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.nodes.LaunchTemplates;
import dev.ekskit.nodes.ManagedNodegroups;
import dev.ekskit.nodes.SelfManagedNodegroups;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every facade method that takes a spec also takes a {@code Consumer<Builder>}, as the SDK's do.
 */
class ConsumerOverloadsTest {
  static Stream<Method> everyMethodTakingASpec() {
    return Stream.of(
            Clusters.class,
            Networks.class,
            Roles.class,
            Addons.class,
            Access.class,
            PodIdentity.class,
            Irsa.class,
            Blueprints.class,
            ManagedNodegroups.class,
            SelfManagedNodegroups.class,
            LaunchTemplates.class,
            FargateProfiles.class)
        .flatMap(type -> Stream.of(type.getMethods()))
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        // A delete is told what exists, not asked to build something.
        .filter(m -> !m.getName().equals("delete"))
        .filter(m -> m.getParameterCount() == 1)
        .filter(m -> hasBuilder(m.getParameterTypes()[0]));
  }

  private static boolean hasBuilder(Class<?> type) {
    try {
      type.getMethod("builder");
      return !type.getName().startsWith("java.");
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyMethodTakingASpec")
  void methodTakingASpec_hasAConsumerOfItsBuilder(Method method) {
    Class<?> spec = method.getParameterTypes()[0];

    assertThat(method.getDeclaringClass().getMethods())
        .anySatisfy(
            overload -> {
              assertThat(overload.getName()).isEqualTo(method.getName());
              assertThat(overload.getParameterTypes()).containsExactly(Consumer.class);
              ParameterizedType consumer =
                  (ParameterizedType) overload.getGenericParameterTypes()[0];
              assertThat(consumer.getActualTypeArguments()[0].getTypeName())
                  .isEqualTo(spec.getName() + "$Builder");
            });
  }

  @Test
  void create_withConsumer_buildsTheSpecAndCreates() {
    try (SimulatedAws aws = SimulatedAws.create();
        EksKit kit = SimulatedKit.create(aws)) {
      List<String> subnets = aws.createVpcWithSubnets(2);
      String role = aws.createRole("eks-cluster", "eks.amazonaws.com");

      ClusterInfo cluster =
          kit.clusters()
              .create(
                  c -> c.name("orders").kubernetesVersion("1.33").roleArn(role).subnetIds(subnets))
              .join();

      assertThat(cluster.isActive()).isTrue();
    }
  }
}
