package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.AddonPodIdentity;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.AddonVersion;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.Violation;
import dev.ekskit.simulator.Call;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonIssueCode;

/** Add-ons through {@code kit.addons()} on the simulated EKS (moto has no add-on API at all). */
class AddonSimTest extends SimulationTest {
  private static final String SECRET = "s3cr3t-token-value";

  @BeforeEach
  void activeCluster() {
    kit.clusters().create(spec("orders").build()).join();
    events.clear();
    aws.calls().clear();
  }

  private static AddonSpec.Builder addon(String name) {
    return AddonSpec.builder().clusterName("orders").name(name);
  }

  private int succeeded(String operation) {
    return (int)
        aws.calls().all().stream()
            .filter(c -> c.operation().equals(operation) && c.succeeded())
            .count();
  }

  private String defaultVersion(String name) {
    return aws
        .eks()
        .describeAddonVersions(r -> r.addonName(name).kubernetesVersion("1.33"))
        .addons()
        .get(0)
        .addonVersions()
        .stream()
        .filter(v -> v.compatibilities().get(0).defaultVersion())
        .findFirst()
        .orElseThrow()
        .addonVersion();
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_defaultVersion_resolvesEksDefaultAndWaitsActive(Path path) {
    AddonInfo created = path.finish(kit.addons().create(addon("vpc-cni").build()));

    assertThat(created.statusAsString()).isEqualTo("ACTIVE");
    assertThat(created.version()).isEqualTo(defaultVersion("vpc-cni"));
    assertThat(created.tags()).containsEntry("ekskit.dev/cluster", "orders");
    assertThat(aws.calls().count("CreateAddon")).isEqualTo(1);
  }

  @Test
  void create_latest_resolvesHighestCompatibleVersion() {
    AddonInfo created =
        kit.addons()
            .create(addon("aws-ebs-csi-driver").version(AddonVersion.latest()).build())
            .join();

    assertThat(created.version()).isEqualTo("v1.44.0-eksbuild.1");
  }

  @Test
  void create_pinnedVersionNotOffered_invalidSpecBeforeAnyMutatingCall() {
    assertThatThrownBy(
            () ->
                kit.addons()
                    .create(
                        addon("coredns").version(AddonVersion.of("v1.10.1-eksbuild.18")).build())
                    .join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.violations()).extracting(Violation::field).containsExactly("version");
              assertThat(e.getMessage()).contains("v1.12.1-eksbuild.2", "Kubernetes 1.33");
            });
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void create_nameEksDoesNotOffer_invalidSpecNamingName() {
    assertThatThrownBy(() -> kit.addons().create(addon("no-such-addon").build()).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("name"));
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void create_configurationBreaksSchema_everyViolationWithItsPathAndNoValueBeforeAnyMutatingCall() {
    AddonSpec spec =
        addon("coredns")
            .configurationValues(
                "{\"replicaCount\":\""
                    + SECRET
                    + "\",\"token\":\""
                    + SECRET
                    + "\","
                    + "\"autoScaling\":{\"minReplicas\":1}}")
            .build();

    assertThatThrownBy(() -> kit.addons().create(spec).join())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::field)
                  .containsExactlyInAnyOrder(
                      "configurationValues.replicaCount",
                      "configurationValues",
                      "configurationValues.autoScaling.minReplicas");
              assertThat(e.getMessage())
                  .contains("$.replicaCount", "\"integer\"", "'token'", "at least 2")
                  .doesNotContain(SECRET);
            });
    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(aws.calls().count("DescribeAddonConfiguration")).isEqualTo(1);
  }

  @Test
  void build_configurationNotJson_invalidAtBuildWithoutTheValuesAndWithoutAnyCall() {
    assertThatThrownBy(
            () -> addon("coredns").configurationValues("{\"replicaCount\": " + SECRET).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::field, Violation::rule)
                  .containsExactly(tuple("configurationValues", "json"));
              assertThat(e.getMessage()).contains("line 1").doesNotContain(SECRET);
            });
    assertThat(aws.calls().all()).isEmpty();
  }

  @Test
  void spec_toString_leavesConfigurationValuesOut() {
    AddonSpec spec =
        addon("coredns").configurationValues("{\"corefile\":\"" + SECRET + "\"}").build();

    assertThat(spec.toString()).doesNotContain(SECRET);
    assertThat(kit.addons().create(spec).join().toString()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void create_coreDnsWithoutCapacity_endsDegradedNotFailed(Path path) {
    AddonInfo dns = path.finish(kit.addons().create(addon("coredns").build()));

    assertThat(dns.statusAsString()).isEqualTo("DEGRADED");
    assertThat(dns.healthIssues())
        .extracting(HealthIssue::code)
        .containsExactly("InsufficientNumberOfReplicas");
    assertThat(aws.calls().count("ListNodegroups")).isPositive();
  }

  @Test
  void create_coreDnsWithoutCapacity_activeOnceNodesCome() {
    kit.addons().create(addon("coredns").build()).join();

    ChildResources.addNodegroups(aws, "orders", "general");

    assertThat(kit.addons().describe("orders", "coredns").orElseThrow().statusAsString())
        .isEqualTo("ACTIVE");
  }

  @Test
  void create_degradedWhileNodesRun_failsAfterGraceWithIssuesAndHint() {
    ChildResources.addNodegroups(aws, "orders", "general");
    aws.faults()
        .degradeAddon(
            "orders",
            "metrics-server",
            AddonIssue.builder()
                .code(AddonIssueCode.INSUFFICIENT_NUMBER_OF_REPLICAS)
                .message(
                    "The add-on is unhealthy because it doesn't have the desired number of"
                        + " replicas.")
                .build());
    Instant started = aws.time().now();

    assertThatThrownBy(() -> kit.addons().create(addon("metrics-server").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("DEGRADED");
              assertThat(e.issues())
                  .extracting(HealthIssue::code)
                  .containsExactly("InsufficientNumberOfReplicas");
              assertThat(e.hint()).contains("taints");
              assertThat(e.cleanup())
                  .contains("kit.addons().delete(\"orders\", \"metrics-server\")");
            });
    assertThat(Duration.between(started, aws.time().now()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void create_createFailed_failsAtOnceWithHint() {
    aws.faults().failAddonCreate("orders", "kube-proxy");
    Instant started = aws.time().now();

    assertThatThrownBy(() -> kit.addons().create(addon("kube-proxy").build()).join())
        .isInstanceOfSatisfying(
            ResourceFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("CREATE_FAILED");
              assertThat(e.hint()).contains("OVERWRITE");
            });
    assertThat(Duration.between(started, aws.time().now()))
        .as("no grace: the first look at CREATE_FAILED ends the wait")
        .isLessThan(Duration.ofMinutes(2));
  }

  @Test
  void create_existingMatches_adoptedWithoutAnotherCreate() {
    kit.addons().create(addon("kube-proxy").build()).join();
    aws.calls().clear();

    AddonInfo again = kit.addons().create(addon("kube-proxy").build()).join();

    assertThat(again.statusAsString()).isEqualTo("ACTIVE");
    assertThat(succeeded("CreateAddon")).isZero();
  }

  @Test
  void create_existingConfigurationDiffers_conflictThatShowsNoValues() {
    kit.addons()
        .create(addon("coredns").configurationValues("{\"corefile\":\"" + SECRET + "\"}").build())
        .join();

    assertThatThrownBy(
            () ->
                kit.addons()
                    .create(addon("coredns").configurationValues("{\"replicaCount\":3}").build())
                    .join())
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.differences())
                  .extracting(FieldDifference::field)
                  .containsExactly("configurationValues");
              assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("replicaCount");
            });
  }

  @Test
  void create_sameValuesOtherwiseSpelled_adopted() {
    kit.addons()
        .create(
            addon("coredns").configurationValues("{\"replicaCount\":3,\"corefile\":\"x\"}").build())
        .join();

    AddonInfo again =
        kit.addons()
            .create(
                addon("coredns")
                    .configurationValues("{ \"corefile\": \"x\", \"replicaCount\": 3 }")
                    .build())
            .join();

    assertThat(again.name()).isEqualTo("coredns");
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void createOrUpdate_existingOnDefault_updatesToLatestThroughDescribeUpdate(Path path) {
    kit.addons().create(addon("vpc-cni").build()).join();
    aws.calls().clear();

    AddonInfo updated =
        path.finish(
            kit.addons().createOrUpdate(addon("vpc-cni").version(AddonVersion.latest()).build()));

    assertThat(updated.version()).isEqualTo("v1.20.1-eksbuild.1");
    assertThat(updated.statusAsString()).isEqualTo("ACTIVE");
    assertThat(aws.calls().count("UpdateAddon")).isEqualTo(1);
    assertThat(aws.calls().count("DescribeUpdate")).isPositive();
  }

  @Test
  void update_configurationAndRole_oneUpdateThenNothingToDo() {
    kit.addons().create(addon("aws-ebs-csi-driver").build()).join();
    AddonSpec wanted =
        addon("aws-ebs-csi-driver")
            .configurationValues("{\"controller\":{\"replicaCount\":3}}")
            .serviceAccountRoleArn("arn:aws:iam::123456789012:role/ebs-csi")
            .build();

    AddonInfo updated = kit.addons().update(wanted).join();
    aws.calls().clear();
    kit.addons().update(wanted).join();

    assertThat(updated.configurationValues()).contains("{\"controller\":{\"replicaCount\":3}}");
    assertThat(updated.serviceAccountRoleArn()).contains("arn:aws:iam::123456789012:role/ebs-csi");
    assertThat(aws.calls().count("UpdateAddon")).isZero();
  }

  @Test
  void update_whileAnotherUpdateRuns_waitsItsTurn() {
    kit.addons().create(addon("kube-proxy").build()).join();
    aws.eks()
        .updateAddon(
            r ->
                r.clusterName("orders")
                    .addonName("kube-proxy")
                    .configurationValues("{\"mode\":\"ipvs\"}"));

    AddonInfo updated =
        kit.addons()
            .update(addon("kube-proxy").configurationValues("{\"mode\":\"iptables\"}").build())
            .join();

    assertThat(updated.configurationValues()).contains("{\"mode\":\"iptables\"}");
  }

  @Test
  void create_podIdentityAssociations_madeByEks() {
    AddonInfo created =
        kit.addons()
            .create(
                addon("aws-ebs-csi-driver")
                    .addPodIdentityAssociations(
                        new AddonPodIdentity(
                            "ebs-csi-controller-sa", "arn:aws:iam::123456789012:role/ebs-csi"))
                    .build())
            .join();

    assertThat(created.podIdentityAssociationArns()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void delete_preserve_waitsUntilGone(Path path) {
    kit.addons().create(addon("metrics-server").build()).join();

    assertThat(path.finish(kit.addons().delete("orders", "metrics-server", true)).deleted())
        .isTrue();

    assertThat(kit.addons().describe("orders", "metrics-server")).isEmpty();
    assertThat(kit.addons().list("orders")).isEmpty();
  }

  @Test
  void delete_missing_falseWithoutWaiting() {
    assertThat(kit.addons().delete("orders", "coredns").join().deleted()).isFalse();
    assertThat(aws.calls().all()).extracting(Call::operation).containsExactly("DeleteAddon");
  }

  @Test
  void list_twoAddons_theirNames() {
    kit.addons().create(addon("kube-proxy").build()).join();
    kit.addons().create(addon("vpc-cni").build()).join();

    assertThat(kit.addons().list("orders")).containsExactlyInAnyOrder("kube-proxy", "vpc-cni");
  }
}
