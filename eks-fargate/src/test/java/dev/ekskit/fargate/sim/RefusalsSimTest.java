package dev.ekskit.fargate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.Violation;
import dev.ekskit.fargate.FargateProfileSpec;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.simulator.internal.Errors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Refusals: bad input and public subnets are refused by ekskit before any mutating call; EKS's
 * refusal of a freshly created pod execution role (IAM's eventual consistency) is waited out for a
 * bounded time. That refusal is modelled by an EKS client that answers CreateFargateProfile with
 * EKS's InvalidParameterException until a moment, then passes to the simulation.
 */
class RefusalsSimTest extends FargateSimTest {
  private EksKit refusingKit;

  @AfterEach
  void closeRefusingKit() {
    if (refusingKit != null) {
      refusingKit.close();
    }
  }

  private FargateProfiles fargateRefusingRoleUntil(Instant until) {
    EksClient real = aws.eks();
    EksClient refusing =
        (EksClient)
            Proxy.newProxyInstance(
                EksClient.class.getClassLoader(),
                new Class<?>[] {EksClient.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("createFargateProfile")
                      && aws.time().now().isBefore(until)) {
                    throw Errors.invalidParameter(
                        "Misconfigured PodExecutionRole Trust Policy; Please add the"
                            + " eks-fargate-pods.amazonaws.com Service Principal");
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    refusingKit =
        EksKit.builder()
            .eksClient(refusing)
            .ec2Client(aws.ec2())
            .clock(aws.time().clock())
            .scheduler(aws.time().scheduler())
            .executor(aws.time().scheduler())
            .addListener(events::add)
            .jitterSeed(1)
            .build();
    return FargateProfiles.of(refusingKit);
  }

  @Test
  void create_roleRefusedForAMinute_waitedOutThenActive() {
    FargateProfiles waiting =
        fargateRefusingRoleUntil(aws.time().now().plus(Duration.ofMinutes(1)));

    assertThat(waiting.create(profile("web", "web").build()).join().statusAsString()).isEqualTo("ACTIVE");
    assertThat(eventsOf(ProgressEvent.Retrying.class))
        .filteredOn(retrying -> retrying.step().equals("create"))
        .extracting(ProgressEvent.Retrying::reason)
        .isNotEmpty()
        .allMatch(reason -> reason.startsWith("EKS InvalidParameterException"));
  }

  @Test
  void create_roleRefusedBeyondGrace_failsTypedWithEksReason() {
    FargateProfiles waiting = fargateRefusingRoleUntil(aws.time().now().plus(Duration.ofHours(1)));

    assertThatThrownBy(() -> waiting.create(profile("web", "web").build()).join())
        .isInstanceOf(AwsCallException.class)
        .hasMessageContaining("Misconfigured PodExecutionRole Trust Policy");
    assertThat(aws.calls().count("CreateFargateProfile")).isZero();
  }

  static List<UnaryOperator<FargateProfileSpec.Builder>> badInputs() {
    return List.of(
        b -> b.name("eks-web"),
        b -> b.podExecutionRoleArn("arn:aws:iam::123456789012:role/teams/web"),
        b ->
            b.selectors(
                IntStream.range(0, 6).mapToObj(i -> FargateSelector.of("ns" + i)).toList()));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void create_badInput_refusedBeforeAnyCall(UnaryOperator<FargateProfileSpec.Builder> bad) {
    assertThatThrownBy(() -> fargate.create(bad.apply(profile("web", "web")).build()))
        .isInstanceOf(InvalidSpecException.class);

    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void create_noRoleNorSubnets_refusedNamingBothBeforeAnyCall() {
    FargateProfileSpec partial =
        FargateProfileSpec.builder()
            .clusterName(CLUSTER)
            .name("web")
            .addSelectors(FargateSelector.of("web"))
            .build();

    assertThatThrownBy(() -> fargate.create(partial))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(
                        tuple("podExecutionRoleArn", "required"), tuple("subnetIds", "required")));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void makeFargateOnly_profileWithoutSubnets_refusedNamingItsPathBeforeAnyCall() {
    List<FargateProfileSpec> profiles =
        List.of(
            profile("system", "kube-system").build(),
            profile("web", "web").subnetIds(List.of()).build());

    assertThatThrownBy(() -> fargate.makeFargateOnly(profiles))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("profiles[1].subnetIds", "required")));
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void create_publicSubnet_refusedNamingItWithZeroMutatingCalls() {
    aws.routeToInternet(subnets.get(1));

    assertThatThrownBy(() -> fargate.create(profile("web", "web").build()).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .matches(v -> v.field().equals("subnetIds[1]") && v.rule().equals("private")))
        .hasMessageContaining(subnets.get(1));
    assertThat(aws.calls().mutatingCount()).isZero();
  }
}
