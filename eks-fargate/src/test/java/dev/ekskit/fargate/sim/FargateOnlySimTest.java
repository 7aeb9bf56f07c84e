package dev.ekskit.fargate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.OperationCancelledException;
import dev.ekskit.core.ProgressEvent;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Violation;
import dev.ekskit.fargate.FargateProfileInfo;
import dev.ekskit.simulator.Call;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonStatus;

class FargateOnlySimTest extends FargateSimTest {
  private static final ResourceRef COREDNS = ResourceRef.child("addon", CLUSTER, "coredns");

  private Addon coreDns() {
    return aws.eks().describeAddon(r -> r.clusterName(CLUSTER).addonName("coredns")).addon();
  }

  private int indexOf(String operation) {
    List<String> operations = aws.calls().all().stream().map(Call::operation).toList();
    return operations.lastIndexOf(operation);
  }

  @Test
  void makeFargateOnly_twoProfiles_profilesThenCoreDnsOnFargateActive() {
    List<FargateProfileInfo> profiles =
        fargate
            .makeFargateOnly(
                List.of(
                    profile("system", "kube-system").build(), profile("apps", "default").build()))
            .join();

    assertThat(profiles).extracting(FargateProfileInfo::name).containsExactly("system", "apps");
    assertThat(profiles).extracting(FargateProfileInfo::statusAsString).containsOnly("ACTIVE");
    assertThat(coreDns().status()).isEqualTo(AddonStatus.ACTIVE);
    assertThat(coreDns().configurationValues()).isEqualTo("{\"computeType\":\"Fargate\"}");
    assertThat(coreDns().tags()).containsEntry("ekskit.dev/managed-by", "ekskit");
    assertThat(indexOf("DescribeAddonConfiguration")).isLessThan(indexOf("CreateAddon"));
    assertThat(indexOf("CreateFargateProfile")).isLessThan(indexOf("DescribeAddonConfiguration"));
  }

  @Test
  void makeFargateOnly_cancelledOnceFirstProfileActive_noFurtherCall() {
    AtomicReference<Operation<?>> making = new AtomicReference<>();
    AtomicInteger callsAtCancel = new AtomicInteger(-1);
    onEvent =
        event -> {
          if (event instanceof ProgressEvent.StatusObserved seen
              && seen.resource().equals(ResourceRef.child("fargate-profile", CLUSTER, "system"))
              && seen.status().equals("ACTIVE")) {
            callsAtCancel.set(aws.calls().all().size());
            making.get().cancel();
          }
        };
    making.set(
        fargate.makeFargateOnly(
            List.of(
                profile("system", "kube-system").build(),
                profile("apps", "default").build(),
                profile("batch", "batch").build())));

    assertThatThrownBy(making.get()::join).isInstanceOf(OperationCancelledException.class);
    letTimePass(Duration.ofHours(1));

    assertThat(aws.calls().count("CreateFargateProfile")).isEqualTo(1);
    assertThat(aws.calls().all()).hasSize(callsAtCancel.get());
  }

  @Test
  void makeFargateOnly_coreDnsDegradedWithoutCapacity_updatedAndWaitedToActive() {
    aws.eks()
        .createAddon(
            r ->
                r.clusterName(CLUSTER)
                    .addonName("coredns")
                    .configurationValues("{\"replicaCount\":2}"));

    fargate.makeFargateOnly(List.of(profile("system", "kube-system").build())).join();

    assertThat(eventsOf(ProgressEvent.StatusObserved.class))
        .filteredOn(e -> e.resource().equals(COREDNS))
        .extracting(ProgressEvent.StatusObserved::status)
        .contains("DEGRADED")
        .endsWith("ACTIVE");
    assertThat(coreDns().configurationValues())
        .isEqualTo("{\"computeType\":\"Fargate\",\"replicaCount\":2}");
    assertThat(aws.calls().count("UpdateAddon")).isPositive();
    assertThat(aws.calls().count("CreateAddon")).isEqualTo(1);
  }

  @Test
  void makeFargateOnly_alreadyFargateOnly_noMutatingCall() {
    fargate.makeFargateOnly(List.of(profile("system", "kube-system").build())).join();
    aws.calls().clear();

    fargate.makeFargateOnly(List.of(profile("system", "kube-system").build())).join();

    assertThat(aws.calls().all())
        .filteredOn(Call::mutating)
        .allMatch(c -> !c.succeeded(), "only refused creates that led to adoption");
    assertThat(aws.calls().count("UpdateAddon")).isZero();
  }

  @Test
  void makeFargateOnly_noProfileSelectsKubeSystem_refusedBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                fargate.makeFargateOnly(
                    List.of(
                        profile("apps", "default").build(),
                        profile("sys", "kube-system")
                            .selectors(
                                List.of(
                                    dev.ekskit.fargate.FargateSelector.of(
                                        "kube-system", Map.of("app", "other"))))
                            .build())))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("kube-system"));
    assertThat(aws.calls().all()).isEmpty();
  }
}
